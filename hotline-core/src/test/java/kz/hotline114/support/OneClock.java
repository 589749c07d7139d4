package kz.hotline114.support;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The rule that main code asks the time of the one {@code java.time.Clock} bean: no {@code Instant.now()},
 * {@code LocalDate.now(...)} and friends, no {@code System.currentTimeMillis()}, no {@code new Date()}, and
 * {@code Clock.system*()} only where the app's clock is made ({@code SharedConfiguration}) and in the demo PBX
 * simulator's defaults (a PBX keeps its own time). Checked on hotline-core's and hotline-ui's main classes.
 */
public final class OneClock {

    private static final Set<String> TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    private OneClock() {
    }

    /** The main (not test) classes of the app under {@code kz.hotline114}. */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // hotline-core's test-jar
                .importPackages("kz.hotline114");
    }

    public static final ArchRule RULE = ArchRuleDefinition.noClasses()
            .should().callMethodWhere(DescribedPredicate.describe("the machine's time is read without the Clock bean",
                    (JavaAccess<?> call) -> readsTheMachinesTime(call)))
            .orShould().callConstructorWhere(DescribedPredicate.describe("new java.util.Date() (now)",
                    (JavaAccess<?> call) -> call.getTargetOwner().getFullName().equals("java.util.Date")
                            && call.getDescription().contains("Date.<init>()")))
            .because("every service, view and API asks the one java.time.Clock bean, so tests choose when they run");

    private static boolean readsTheMachinesTime(JavaAccess<?> call) {
        var owner = call.getTargetOwner().getFullName();
        var name = call.getName();
        if (TIME_TYPES.contains(owner) && name.equals("now")) {
            // now(clock) is the way; now() and now(zone) read the machine's time
            return !(call.getTarget() instanceof com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget t
                    && t.getRawParameterTypes().size() == 1
                    && t.getRawParameterTypes().getFirst().getFullName().equals("java.time.Clock"));
        }
        if (owner.equals("java.lang.System") && name.equals("currentTimeMillis")) {
            return true;
        }
        if (owner.equals("java.time.Clock") && name.startsWith("system")) {
            var origin = call.getOriginOwner();
            return !(origin.getFullName().equals("kz.hotline114.shared.SharedConfiguration")
                    || origin.getPackageName().equals("kz.hotline114.amisim"));
        }
        return false;
    }
}
