package kz.hotline114.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void the_role_constants_are_exactly_the_roles() throws Exception {
        var constants = Arrays.stream(Roles.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).toList();
        assertThat(constants).extracting(f -> f.getName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::name).toList());
        for (var f : constants) {
            assertThat(f.get(null)).as(f.getName()).isEqualTo(f.getName());
        }
    }
}
