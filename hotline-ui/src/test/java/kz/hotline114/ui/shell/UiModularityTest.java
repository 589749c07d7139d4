package kz.hotline114.ui.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * hotline-ui by feature, enforced as hotline-core's ModularityTest does for the domain: every class lives in a
 * feature package ({@code calls}, {@code desk}, {@code cases}, {@code centre}, {@code dashboard}, {@code reports},
 * {@code admin}, {@code quality}, {@code risk}) or the {@code shell}; the shell knows no feature (the menu comes from the views' declarations);
 * features do not depend on each other in cycles; nothing reaches into a core feature's {@code internal} package.
 */
class UiModularityTest {

    static final JavaClasses UI = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("hotline-core"))
            .importPackages("kz.hotline114.ui");

    static final String[] FEATURES = {"calls", "desk", "cases", "centre", "dashboard", "reports", "admin", "quality", "risk"};

    @Test
    void every_class_is_in_a_feature_or_the_shell() {
        var allowed = new java.util.ArrayList<String>();
        for (var f : FEATURES) {
            allowed.add("kz.hotline114.ui." + f + "..");
        }
        allowed.add("kz.hotline114.ui.shell..");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().doNotHaveSimpleName("package-info").should()
                .resideInAnyPackage(allowed.toArray(String[]::new)).check(UI);
    }

    @Test
    void the_shell_knows_no_feature() {
        var features = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            features[i] = "kz.hotline114.ui." + FEATURES[i] + "..";
        }
        noClasses().that().resideInAPackage("kz.hotline114.ui.shell..").should().dependOnClassesThat()
                .resideInAnyPackage(features).check(UI);
    }

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("kz.hotline114.ui.(*)..").should().beFreeOfCycles().check(UI);
    }

    @Test
    void the_console_uses_only_the_core_features_public_api() {
        noClasses().should().dependOnClassesThat().resideInAPackage("kz.hotline114..internal..").check(UI);
    }
}
