package kz.hotline114.ui.reports;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import kz.hotline114.reports.ReportSchedules;
import kz.hotline114.security.AuditLog;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.support.TestMail;
import kz.hotline114.ui.KaribuIT;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A reporter schedules the call log by e-mail; it reaches a real SMTP server, now and when due. */
class ReportMailViewIT extends KaribuIT {

    @Autowired
    ReportSchedules schedules;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    HotlineProperties props;
    @Autowired
    AuditLog audit;

    @Test
    void a_reporter_schedules_the_monthly_call_log_and_it_arrives_by_smtp_now_and_when_due() throws Exception {
        var smtp = TestMail.server();
        smtp.purgeEmailFromAllMailboxes();
        signIn("mail-reporter", "REPORTER");
        UI.getCurrent().navigate(ReportMailView.class);
        var view = _get(ReportMailView.class);
        assertThat(view.notConfigured.isVisible()).as("the test's SMTP server is configured").isFalse();

        view.recipients.setValue("grant@example, ");
        _click(view.add);
        assertThat(view.recipients.isInvalid()).isTrue();
        assertThat(view.recipients.getErrorMessage()).isEqualTo("Мекенжай дұрыс емес: мысалы, name@example.kz");
        assertThat(view.shown()).as("nothing saved").isEmpty();

        view.recipients.setValue("grant@example.kz; donor@example.org");
        _click(view.add);
        assertThat(view.recipients.isInvalid()).isFalse();
        var schedule = view.shown().getFirst();
        assertThat(schedule.recipients()).containsExactly("grant@example.kz", "donor@example.org");
        var next = schedule.nextRunAt().atZone(ZoneId.of(props.zone().getId()));
        assertThat(schedule.nextRunAt()).isAfter(clock.instant());
        assertThat(next.getDayOfMonth()).isEqualTo(1);
        assertThat(next.getHour()).isEqualTo(7);

        // the period is the last full month of the day it is sent on: taken before and after, in case midnight passes
        var before = ReportSchedules.periodBefore(LocalDate.now(clock.withZone(props.zone())),
                ReportSchedules.Frequency.MONTHLY);
        view.sendNow(schedule);
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        var mail = smtp.getReceivedMessages();
        assertThat(mail).as("one copy per recipient").hasSize(2);
        var message = mail[0];
        var after = ReportSchedules.periodBefore(LocalDate.now(clock.withZone(props.zone())),
                ReportSchedules.Frequency.MONTHLY);
        var day = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        assertThat(message.getSubject()).startsWith("114 желісі: қоңыраулар журналы, ")
                .containsAnyOf(day.format(before.from()), day.format(after.from()));
        assertThat(Arrays.stream(message.getFrom()).map(Object::toString)).containsExactly("hotline114@test.kz");
        var xlsx = attachment(message);
        assertThat(xlsx.getFileName()).endsWith("-calls.xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getInputStream().readAllBytes()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).as("a Kazakh header").isNotBlank();
        }
        assertThat(view.shown().getFirst().lastSentAt()).isNotNull();
        assertThat(view.shown().getFirst().lastError()).isNull();
        assertThat(view.shown().getFirst().nextRunAt()).as("'now' does not move the schedule")
                .isEqualTo(schedule.nextRunAt());

        // due: the scheduler's run sends it and moves it to the next month
        jdbc.update("update report_schedule set next_run_at = ? where id = ?",
                Timestamp.from(clock.instant().minusSeconds(60)), schedule.id());
        assertThat(schedules.sendDue()).isPositive();
        assertThat(smtp.waitForIncomingEmail(10_000, 4)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        var moved = schedules.mine().getFirst();
        assertThat(moved.nextRunAt()).isAfter(clock.instant());
        assertThat(audit.count(new AuditLog.Query("mail-reporter", "REPORT_MAILED", null, null, null))).isEqualTo(2);
    }

    @Test
    void an_interim_report_needs_its_project_said_at_the_field() {
        signIn("mail-reporter-2", "REPORTER");
        UI.getCurrent().navigate(ReportMailView.class);
        var view = _get(ReportMailView.class);
        view.kind.setValue(ReportSchedules.Kind.INTERIM_REPORT);
        assertThat(view.project.isVisible()).isTrue();
        view.recipients.setValue("grant@example.kz");
        _click(view.add);
        assertThat(view.project.isInvalid()).isTrue();
        assertThat(view.project.getErrorMessage()).isEqualTo("Аралық есеп үшін жобаны таңдаңыз");
        assertThat(view.shown()).isEmpty();
    }

    private static Part attachment(MimeMessage message) throws Exception {
        var multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }
}
