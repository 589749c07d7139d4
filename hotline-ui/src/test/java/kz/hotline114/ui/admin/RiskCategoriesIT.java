package kz.hotline114.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;

import kz.hotline114.risk.RiskFlags;
import kz.hotline114.ui.KaribuIT;

/**
 * An administrator adds a risk category with its protocol: a step in one language only and zero hours are said at
 * their fields; corrected, the category is offered with its steps; switched off, it is no longer offered.
 */
class RiskCategoriesIT extends KaribuIT {

    @Autowired
    RiskFlags risk;

    @Test
    void an_admin_adds_a_category_with_its_protocol_and_switches_it_off() {
        signIn("risk-admin", "ADMIN");
        UI.getCurrent().navigate(AdminView.class);
        _get(TabSheet.class).setSelectedIndex(4); // «Қауіп санаттары»
        var panel = _get(RiskCategoriesPanel.class);
        assertThat(panel.categories.getListDataView().getItems()).extracting(RiskFlags.Category::code)
                .contains("SUICIDE_SELF_HARM", "VIOLENCE_ABUSE", "RECRUITMENT", "THREAT_TO_OTHERS", "OTHER");

        panel.code.setValue("CYBER_BULLYING");
        panel.nameKk.setValue("Интернеттегі қорлау");
        panel.nameRu.setValue("Травля в интернете");
        panel.hours.setValue(0);
        panel.protocol.setValue("Скриншоттарды сақтауды сұрау");
        _click(panel.save);
        assertThat(panel.hours.isInvalid()).isTrue();
        assertThat(panel.hours.getErrorMessage()).isEqualTo("1-ден 720 сағатқа дейін");
        assertThat(panel.protocol.isInvalid()).isTrue();
        assertThat(panel.protocol.getErrorMessage()).startsWith("Әр қадамды екі тілде жазыңыз");

        panel.hours.setValue(48);
        panel.hoursUrgent.setValue(6);
        panel.protocol.setValue("Скриншоттарды сақтауды сұрау | Попросить сохранить скриншоты\n\n"
                + "Кері қоңырау уақытын келісу | Договориться о времени обратного звонка");
        _click(panel.save);
        assertThat(risk.categories()).filteredOn(c -> c.code().equals("CYBER_BULLYING")).singleElement()
                .satisfies(c -> {
                    assertThat(c.protocol()).hasSize(2);
                    assertThat(c.protocol().getFirst().ru()).isEqualTo("Попросить сохранить скриншоты");
                    assertThat(c.followUpHoursUrgent()).isEqualTo(6);
                });

        panel.active.setValue(false);
        _click(panel.save);
        assertThat(risk.categories()).extracting(RiskFlags.Category::code).doesNotContain("CYBER_BULLYING");
        assertThat(risk.allCategories()).extracting(RiskFlags.Category::code).contains("CYBER_BULLYING");
    }
}
