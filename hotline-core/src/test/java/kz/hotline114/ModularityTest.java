package kz.hotline114;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Package by feature, enforced: each top-level package of {@code kz.hotline114} is a module; a
 * module may use another's root package (its API) but never its {@code internal} package, and
 * there are no cycles. Also writes the module documentation to {@code target/spring-modulith-docs}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of("kz.hotline114");

    @Test
    void features_only_use_each_others_public_api() {
        MODULES.verify();
    }

    @Test
    void no_asterisk_java_type_leaves_the_pbx_feature() {
        var classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kz.hotline114");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackage("kz.hotline114.pbx..")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
                .because("the PBX library is an implementation detail of the AMI link")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
                .that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("kz.hotline114.pbx")
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("an Asterisk-Java type",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.asteriskjava")))
                .check(classes);
    }

    @Test
    void main_code_asks_the_one_clock_for_the_time() {
        kz.hotline114.support.OneClock.RULE.check(kz.hotline114.support.OneClock.mainClasses());
    }

    @Test
    void module_documentation_is_written_and_names_every_module() throws java.io.IOException {
        var out = java.nio.file.Files.createTempDirectory("modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        var overview = out.resolve("components.puml");
        org.assertj.core.api.Assertions.assertThat(overview).exists();
        var text = java.nio.file.Files.readString(overview);
        org.assertj.core.api.Assertions.assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()).toList())
                .as("the modules found").contains("calls", "cases", "pbx", "reports")
                .allSatisfy(id -> org.assertj.core.api.Assertions.assertThat(text).as("the overview diagram")
                        .containsIgnoringCase(id));
        for (var module : MODULES) {
            org.assertj.core.api.Assertions.assertThat(out.resolve("module-" + module.getIdentifier() + ".puml"))
                    .as("the diagram of module " + module.getIdentifier()).exists();
        }
    }
}
