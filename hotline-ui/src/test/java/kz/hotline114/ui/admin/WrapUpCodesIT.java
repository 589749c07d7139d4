package kz.hotline114.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;

import kz.hotline114.calls.WrapUp;
import kz.hotline114.security.Roles;
import kz.hotline114.ui.KaribuIT;

/** The administrators keep the wrap-up codes the desk offers, in Kazakh and Russian. */
class WrapUpCodesIT extends KaribuIT {

    @Test
    void an_administrator_adds_a_code_and_the_desk_offers_it_a_bad_code_is_said_at_the_field() {
        signIn("wu-admin", Roles.ADMIN);
        UI.getCurrent().navigate(AdminView.class);
        _get(TabSheet.class).setSelectedIndex(2);
        var panel = _get(WrapUpCodesPanel.class);
        panel.code.setValue("bad code");
        panel.nameKk.setValue("Сынақ");
        panel.nameRu.setValue("Тест");
        _click(panel.save);
        assertThat(panel.code.isInvalid()).isTrue();
        assertThat(panel.code.getErrorMessage()).isEqualTo("Латын бас әріптері, цифрлар және _");

        panel.code.setValue("INFORMATION_ONLY");
        panel.nameKk.setValue("Тек ақпарат");
        panel.nameRu.setValue("Только информация");
        _click(panel.save);
        assertThat(ctx.getBean(WrapUp.class).codes()).extracting(WrapUp.Code::code).contains("INFORMATION_ONLY", "CONSULTED");

        panel.active.setValue(false);
        _click(panel.save);
        assertThat(ctx.getBean(WrapUp.class).codes()).extracting(WrapUp.Code::code).doesNotContain("INFORMATION_ONLY");
    }
}
