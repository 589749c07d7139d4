package kz.hotline114.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

import kz.hotline114.dashboard.Figure;
import kz.hotline114.ui.shell.MessageBundlesTest;

/** One definition per figure, written down in both languages, and no two figures sharing one. */
class DashboardDefinitionsTest {

    @Test
    void every_figure_has_a_name_and_its_own_definition_in_kazakh_and_russian() throws IOException {
        for (var bundle : new String[] {"messages.properties", "messages_ru.properties"}) {
            var p = MessageBundlesTest.load(bundle);
            var definitions = new HashSet<String>();
            for (var f : Figure.values()) {
                assertThat(p.getProperty(f.messageKey())).as(bundle + " " + f).isNotBlank();
                var help = p.getProperty(f.messageKey() + ".help");
                assertThat(help).as(bundle + " " + f + " definition").isNotBlank();
                assertThat(definitions.add(help)).as(bundle + " " + f + " has a definition of its own").isTrue();
            }
        }
    }

    @Test
    void the_service_level_definition_states_t_and_the_five_second_rule() throws IOException {
        var kk = MessageBundlesTest.load("messages.properties").getProperty(Figure.SERVICE_LEVEL.messageKey() + ".help");
        var ru = MessageBundlesTest.load("messages_ru.properties").getProperty(Figure.SERVICE_LEVEL.messageKey() + ".help");
        assertThat(kk).contains("{0}", "÷", "5");
        assertThat(ru).contains("{0}", "÷", "5");
    }
}
