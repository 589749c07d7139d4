package kz.hotline114.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import jakarta.mail.MessagingException;

import kz.hotline114.calls.CallFilter;
import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.reports.CallExports;
import kz.hotline114.reports.InterimReports;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.ReportDocuments;
import kz.hotline114.reports.ReportSchedules;
import kz.hotline114.reports.ReportTexts;
import kz.hotline114.reports.ReportTextsSource;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.shared.HotlineProperties;

/**
 * {@link ReportSchedules} on PostgreSQL and Spring's {@link JavaMailSender}. A report is made as its owner would
 * make it, with the rights of a reporter only — so a mailed call log never holds full caller numbers, whoever set it
 * up — and sent as an attachment with a short text in the schedule's language. Sendings run at 07:00 in the
 * hotline's zone on Mondays (weekly) or the first of the month (monthly); a failed one keeps its reason for the
 * owner to see and is tried again an hour later.
 */
@Service
class MailedReports implements ReportSchedules {

    private static final Logger log = LoggerFactory.getLogger(MailedReports.class);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[A-Za-z]{2,}");
    private static final LocalTime SEND_AT = LocalTime.of(7, 0);
    /** The failure kept when no SMTP server is configured ({@code spring.mail.host}): a code the screens translate. */
    static final String NO_SMTP = "no-smtp";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final HotlineProperties props;
    private final ObjectProvider<JavaMailSender> mail;
    private final CallExports exports;
    private final InterimReports reports;
    private final ReportDocuments documents;
    private final ObjectProvider<ReportTextsSource> texts;
    private final AuditLog audit;
    private final String from;

    private final NodeLeases leases;

    MailedReports(JdbcTemplate jdbc, Clock clock, HotlineProperties props, ObjectProvider<JavaMailSender> mail,
                  CallExports exports, InterimReports reports, ReportDocuments documents,
                  ObjectProvider<ReportTextsSource> texts, AuditLog audit,
                  Environment env, NodeLeases leases) {
        this.leases = leases;
        this.jdbc = jdbc;
        this.clock = clock;
        this.props = props;
        this.mail = mail;
        this.exports = exports;
        this.reports = reports;
        this.documents = documents;
        this.texts = texts;
        this.audit = audit;
        this.from = env.getProperty("hotline.mail.from", "hotline114@localhost");
    }

    @Override
    public boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public List<Schedule> mine() {
        ReportAccess.read();
        return jdbc.query("select * from report_schedule where owner = ? order by id", MailedReports::map,
                CurrentUser.name());
    }

    @Override
    public Schedule create(Kind kind, Frequency frequency, List<String> recipients, String language,
                           @Nullable Long projectId) {
        ReportAccess.read();
        var errors = new LinkedHashMap<String, String>();
        var addresses = recipients.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        if (addresses.isEmpty()) {
            errors.put("recipients", "required");
        } else if (addresses.size() > 20) {
            errors.put("recipients", "too-many");
        } else if (!addresses.stream().allMatch(a -> ADDRESS.matcher(a).matches())) {
            errors.put("recipients", "invalid-address");
        }
        if (!List.of("kk", "ru").contains(language)) {
            errors.put("language", "unknown");
        }
        if (kind == Kind.INTERIM_REPORT && projectId == null) {
            errors.put("project", "required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        var id = jdbc.queryForObject("""
                insert into report_schedule (owner, kind, frequency, recipients, language, project_id, next_run_at,
                    created_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, CurrentUser.name(),
                kind.name(), frequency.name(), addresses.toArray(String[]::new), language,
                kind == Kind.INTERIM_REPORT ? projectId : null,
                Timestamp.from(nextRun(clock.instant(), frequency)), Timestamp.from(clock.instant()));
        audit.record("REPORT_SCHEDULE_CREATED", String.valueOf(id), kind + " " + frequency + ", "
                + addresses.size() + " addresses");
        return get(id);
    }

    @Override
    public void delete(long id) {
        ReportAccess.read();
        if (jdbc.update("delete from report_schedule where id = ? and owner = ?", id, CurrentUser.name()) == 0) {
            throw new InvalidReport(Map.of("id", "unknown"));
        }
        audit.record("REPORT_SCHEDULE_DELETED", String.valueOf(id), null);
    }

    @Override
    public Schedule sendNow(long id) {
        ReportAccess.read();
        var schedule = get(id);
        if (!schedule.owner().equals(CurrentUser.name())) {
            throw new InvalidReport(Map.of("id", "unknown"));
        }
        send(schedule, false);
        return get(id);
    }

    /** The schedules' clock: on the node holding the scheduler's lease only, so a report is mailed once. */
    @Scheduled(fixedDelayString = "${hotline.mail.poll:60s}", initialDelayString = "${hotline.mail.poll:60s}")
    void sendDueOnOneNode() {
        if (leases.holds(NodeLeases.SCHEDULER)) {
            sendDue();
        }
    }

    @Override
    public int sendDue() {
        int sent = 0;
        for (var s : jdbc.query("select * from report_schedule where next_run_at <= ? order by next_run_at limit 50",
                MailedReports::map, Timestamp.from(clock.instant()))) {
            if (send(s, true)) {
                sent++;
            }
        }
        return sent;
    }

    /** Makes and sends one schedule's report as its owner (a reporter's rights); records the outcome. */
    private boolean send(Schedule s, boolean due) {
        var sender = mail.getIfAvailable();
        var now = clock.instant();
        var period = ReportSchedules.periodBefore(LocalDate.ofInstant(now, props.zone()), s.frequency());
        var previous = SecurityContextHolder.getContext().getAuthentication();
        String error = null;
        try {
            if (sender == null) {
                throw new IllegalStateException(NO_SMTP);
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    s.owner(), "n/a", List.of(new SimpleGrantedAuthority(Role.REPORTER.authority()))));
            var t = texts.getObject().of(s.language());
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(s.recipients().toArray(String[]::new));
            var span = DAY.format(period.from()) + "–" + DAY.format(period.to());
            helper.setSubject(t.text("mail.report.subject." + s.kind().name(), span));
            helper.setText(t.text("mail.report.body", t.text("mail.report.kind." + s.kind().name()), span,
                    t.text("mail.report.frequency." + s.frequency().name())));
            var file = attachment(s, period, t);
            helper.addAttachment(file.name(), new ByteArrayResource(file.bytes()), file.type());
            sender.send(message);
            audit.record("REPORT_MAILED", String.valueOf(s.id()), s.kind() + " " + period.from() + ".." + period.to()
                    + ", " + s.recipients().size() + " addresses");
        } catch (MessagingException | IOException | RuntimeException e) { // MailException is one of these
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Report schedule {} not sent: {}", s.id(), error);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
        var next = !due ? s.nextRunAt() : error == null ? nextRun(now, s.frequency()) : now.plusSeconds(3600);
        jdbc.update("update report_schedule set next_run_at = ?, last_sent_at = coalesce(?, last_sent_at),"
                        + " last_error = ? where id = ?", Timestamp.from(next),
                error == null ? Timestamp.from(now) : null, error, s.id());
        return error == null;
    }

    private record Attachment(String name, String type, byte[] bytes) {
    }

    private Attachment attachment(Schedule s, Period period, ReportTexts t) throws IOException {
        var stem = "114-" + period.from() + "-" + period.to();
        if (s.kind() == Kind.CALL_LOG) {
            var out = new ByteArrayOutputStream();
            exports.xlsx(new CallFilter(period.from().atStartOfDay(props.zone()).toInstant(),
                    period.to().plusDays(1).atStartOfDay(props.zone()).toInstant(), null, null, null), t, out);
            return new Attachment(stem + "-calls.xlsx", CallExports.Format.XLSX.contentType(), out.toByteArray());
        }
        var report = reports.report(s.projectId(), period.from(), period.to());
        return new Attachment(stem + "-report.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", documents.docx(report, t));
    }

    /** The next 07:00 on a Monday (weekly) or on the first of a month (monthly) after {@code after}. */
    Instant nextRun(Instant after, Frequency frequency) {
        var day = LocalDate.ofInstant(after, props.zone());
        for (int i = 0; i < 64; i++, day = day.plusDays(1)) {
            boolean fits = frequency == Frequency.WEEKLY ? day.getDayOfWeek() == DayOfWeek.MONDAY : day.getDayOfMonth() == 1;
            var at = day.atTime(SEND_AT).atZone(props.zone()).toInstant();
            if (fits && at.isAfter(after)) {
                return at;
            }
        }
        return day.with(TemporalAdjusters.firstDayOfNextMonth()).atTime(SEND_AT).atZone(props.zone()).toInstant();
    }

    private Schedule get(long id) {
        return jdbc.query("select * from report_schedule where id = ?", MailedReports::map, id).stream().findFirst()
                .orElseThrow(() -> new InvalidReport(Map.of("id", "unknown")));
    }

    private static Schedule map(ResultSet rs, int n) throws SQLException {
        var project = rs.getLong("project_id");
        var noProject = rs.wasNull();
        var sent = rs.getTimestamp("last_sent_at");
        return new Schedule(rs.getLong("id"), rs.getString("owner"), Kind.valueOf(rs.getString("kind")),
                Frequency.valueOf(rs.getString("frequency")),
                Arrays.asList((String[]) rs.getArray("recipients").getArray()), rs.getString("language"),
                noProject ? null : project, rs.getTimestamp("next_run_at").toInstant(),
                sent == null ? null : sent.toInstant(), rs.getString("last_error"));
    }
}
