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
    void module_documentation_is_written() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
