package kz.hotline114.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;

import kz.hotline114.security.AuditLog;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.KaribuIT;

/**
 * The audit log as an administrator reads it: actions by name and details in Kazakh (they were enum names and English
 * words), filtered by user, action, period and a word of the subject.
 */
class AuditLogViewIT extends KaribuIT {

    @Autowired
    Clock clock;
    @Autowired
    HotlineProperties props;

    private void entry(Duration ago, String user, String action, String subject, String detail) {
        jdbc.update("insert into audit_log (at, username, action, subject, detail) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant().minus(ago)), user, action, subject, detail);
    }

    private static boolean written;

    @BeforeEach
    void entries() {
        if (written) {
            return; // the log is append-only: written once for the class
        }
        written = true;
        entry(Duration.ofMinutes(5), "alv-operator", "CASES_LISTED", "q= category=null status=null from=null to=null",
                "12 cases");
        entry(Duration.ofMinutes(4), "alv-specialist", "CASE_VIEWED", "2026-ALV-0001", null);
        entry(Duration.ofDays(40), "alv-specialist", "CALLBACK_SCHEDULED", "alv-pbx/1.1", "callback 7 due 2026-01-01");
    }

    private AuditPanel open() {
        signIn("alv-admin", Roles.ADMIN);
        UI.getCurrent().navigate(AdminView.class);
        _get(TabSheet.class).setSelectedIndex(1);
        return _get(AuditPanel.class);
    }

    private static List<String> rows(AuditPanel panel) {
        var rows = new ArrayList<String>();
        for (int i = 0; i < GridKt._size(panel.log); i++) {
            rows.add(String.join(" | ", GridKt._getFormattedRow(panel.log, i)));
        }
        return rows;
    }

    @Test
    void actions_and_details_read_in_kazakh_not_as_codes_and_english() {
        var panel = open();
        panel.user.setValue("alv-operator");
        var rows = rows(panel);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).contains("Өтініштер тізімі қаралды").contains("12 өтініш")
                .contains("санат=null").doesNotContain("CASES_LISTED").doesNotContain("cases");
    }

    @Test
    void the_log_filters_by_user_action_period_and_subject() {
        var panel = open();
        panel.user.setValue("alv-specialist");
        assertThat(rows(panel)).hasSize(2);
        panel.action.setValue("CASE_VIEWED");
        assertThat(rows(panel)).singleElement().asString().contains("Өтініш қаралды").contains("2026-ALV-0001");
        panel.action.clear();
        var today = LocalDate.ofInstant(clock.instant(), props.zone());
        panel.from.setValue(today.minusDays(60));
        panel.to.setValue(today.minusDays(30));
        assertThat(rows(panel)).singleElement().asString().contains("Кері қоңырау жоспарланды")
                .contains("кері қоңырау 7 мерзімі");
        panel.from.clear();
        panel.to.clear();
        panel.user.clear();
        panel.text.setValue("ALV-0001");
        panel.refresh();
        assertThat(rows(panel)).singleElement().asString().contains("alv-specialist");
        assertThat(panel.total.getText()).isEqualTo("Табылды: 1");
        assertThat(panel.action.getListDataView().getItems().toList()).contains("CASE_VIEWED", "CASES_LISTED");
    }

    @Test
    void reading_the_log_is_itself_in_the_log_with_the_filter() {
        var panel = open();
        panel.user.setValue("alv-operator");
        rows(panel);
        assertThat(ctx.getBean(AuditLog.class).search(new AuditLog.Query("alv-admin", "AUDIT_LOG_READ", null, null,
                "user=alv-operator"), 0, 5).items()).isNotEmpty();
    }
}
