package kz.hotline114.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import kz.hotline114.calls.PhoneNumbers;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.ReportTexts;
import kz.hotline114.reports.ReportsProperties;
import kz.hotline114.reports.WrongNumberClaims;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.shared.HotlineProperties;

/** {@link WrongNumberClaims} from the calls table, billed as the interim report's rollup bills them. */
@Service
class JdbcWrongNumberClaims implements WrongNumberClaims {

    /** A call's billed minutes: its duration rounded up to whole minutes (the rollup's {@code billed_minutes}). */
    static final String MINUTES =
            "ceil(greatest(coalesce(round(extract(epoch from (ended_at - started_at)))::bigint, 0), 0) / 60.0)::bigint";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final JdbcTemplate jdbc;
    private final HotlineProperties hotline;
    private final ReportsProperties props;
    private final AuditLog audit;

    JdbcWrongNumberClaims(JdbcTemplate jdbc, HotlineProperties hotline, ReportsProperties props, AuditLog audit) {
        this.jdbc = jdbc;
        this.hotline = hotline;
        this.props = props;
        this.audit = audit;
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(hotline.zone()).toInstant());
    }

    private void check(LocalDate from, LocalDate to) {
        ReportAccess.read();
        if (to.isBefore(from)) {
            throw new InvalidReport(Map.of("to", "before-from"));
        }
    }

    private BigDecimal cost(long minutes) {
        return props.tariffPerMinute().multiply(BigDecimal.valueOf(minutes)).setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public Summary summary(LocalDate from, LocalDate to) {
        check(from, to);
        var byOperator = new TreeMap<String, Totals>();
        long[] all = new long[3];
        jdbc.query("select coalesce(operator, '" + LANDLINE + "') as op, count(*) as calls, sum(" + MINUTES + ") as minutes,"
                        + " count(*) filter (where wrong_number_reason = 'FILTERED') as filtered"
                        + " from calls where outcome = 'WRONG_NUMBER' and started_at >= ? and started_at < ?"
                        + " group by 1 order by 1", rs -> {
                    long minutes = rs.getLong("minutes");
                    byOperator.put(rs.getString("op"), new Totals(rs.getLong("calls"), minutes, cost(minutes)));
                    all[0] += rs.getLong("calls");
                    all[1] += minutes;
                    all[2] += rs.getLong("filtered");
                }, start(from), start(to.plusDays(1)));
        // what a filtered call saved: the same number's earlier unfiltered wrong-number calls took on average
        Long saved = jdbc.queryForObject("""
                select coalesce(sum(greatest(0, (select avg(%1$s) from calls e where e.caller_number = f.caller_number
                        and e.outcome = 'WRONG_NUMBER' and e.started_at < f.started_at
                        and coalesce(e.wrong_number_reason, '') <> 'FILTERED') - %2$s)), 0)::bigint
                from calls f where f.outcome = 'WRONG_NUMBER' and f.wrong_number_reason = 'FILTERED'
                    and f.started_at >= ? and f.started_at < ?""".formatted(MINUTES.replace("ended_at", "e.ended_at")
                        .replace("started_at", "e.started_at"), MINUTES.replace("ended_at", "f.ended_at")
                        .replace("started_at", "f.started_at")), Long.class, start(from), start(to.plusDays(1)));
        return new Summary(from, to, all[0], all[1], cost(all[1]), all[2], saved == null ? 0 : saved, byOperator);
    }

    @Override
    public byte[] letter(LocalDate from, LocalDate to, ReportTexts texts) {
        var s = summary(from, to);
        var day = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        var period = day.format(from) + " – " + day.format(to);
        var rows = new ArrayList<List<String>>();
        s.byOperator().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(List.of(
                e.getKey().equals(LANDLINE) ? texts.text("claim.operator." + LANDLINE) : e.getKey(),
                String.valueOf(e.getValue().calls()), String.valueOf(e.getValue().minutes()),
                e.getValue().cost().toPlainString())));
        rows.add(List.of(texts.text("claim.total"), String.valueOf(s.calls()), String.valueOf(s.minutes()),
                s.cost().toPlainString()));
        var blocks = List.<Block>of(
                new Block.Para("", texts.text("claim.letter.to")),
                new Block.Title(texts.text("claim.letter.title", period)),
                new Block.Para("", texts.text("claim.letter.body", period, s.calls(), s.minutes(),
                        s.cost().toPlainString(), props.tariffPerMinute().toPlainString())),
                new Block.Table(List.of(texts.text("claim.col.operator"), texts.text("claim.col.calls"),
                        texts.text("claim.col.minutes"), texts.text("claim.col.cost")), rows,
                        List.of(40, 20, 20, 20)),
                new Block.Para("", texts.text("claim.letter.request")),
                new Block.Para(texts.text("claim.letter.attachmentLabel"), texts.text("claim.letter.attachment", period)),
                new Block.Para("", texts.text("claim.letter.signature")));
        audit.record("WRONG_NUMBER_CLAIM_LETTER", from + ".." + to, s.calls() + " calls");
        return DocxWriter.write(blocks);
    }

    @Override
    public void xlsx(LocalDate from, LocalDate to, ReportTexts texts, OutputStream out) {
        var summary = summary(from, to);
        boolean full = CurrentUser.maySeeCallerNumbers();
        try (var book = new SXSSFWorkbook(100)) {
            var register = book.createSheet(texts.text("claim.sheet.register"));
            printable(register);
            var head = register.createRow(0);
            String[] columns = {"claim.col.started", "claim.col.seconds", "claim.col.minutes", "claim.col.operator",
                "claim.col.number", "claim.col.reason"};
            int[] widths = {20, 12, 16, 26, 18, 40}; // characters: the start, numbers, operator, number, reason in full
            for (int i = 0; i < columns.length; i++) {
                head.createCell(i).setCellValue(texts.text(columns[i]));
                register.setColumnWidth(i, widths[i] * 256);
            }
            int[] row = {1};
            jdbc.query("select started_at, round(extract(epoch from (ended_at - started_at)))::bigint as seconds, "
                    + MINUTES + " as minutes, operator, caller_number, caller_withheld, wrong_number_reason from calls"
                    + " where outcome = 'WRONG_NUMBER' and started_at >= ? and started_at < ? order by started_at", rs -> {
                        var r = register.createRow(row[0]++);
                        r.createCell(0).setCellValue(TIME.format(rs.getTimestamp("started_at").toInstant()
                                .atZone(hotline.zone())));
                        r.createCell(1).setCellValue(rs.getLong("seconds"));
                        r.createCell(2).setCellValue(rs.getLong("minutes"));
                        var op = rs.getString("operator");
                        r.createCell(3).setCellValue(op == null ? texts.text("claim.operator." + LANDLINE) : op);
                        var number = rs.getString("caller_number");
                        r.createCell(4).setCellValue(number == null ? texts.text("claim.withheld")
                                : full ? number : PhoneNumbers.mask(number));
                        var reason = rs.getString("wrong_number_reason");
                        r.createCell(5).setCellValue(reason == null ? "" : texts.textOr("reason." + reason, reason));
                    }, start(from), start(to.plusDays(1)));
            totals(book, summary, texts);
            book.write(out);
            book.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(full ? "WRONG_NUMBER_CLAIM_EXPORTED" : "WRONG_NUMBER_CLAIM_EXPORTED_MASKED", from + ".." + to,
                summary.calls() + " calls");
    }

    /** Printed (or made a PDF of) across the page: landscape, all columns on one page's width. */
    private static void printable(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    }

    private void totals(SXSSFWorkbook book, Summary summary, ReportTexts texts) {
        var sheet = book.createSheet(texts.text("claim.sheet.totals"));
        printable(sheet);
        var head = sheet.createRow(0);
        String[] columns = {"claim.col.operator", "claim.col.calls", "claim.col.minutes", "claim.col.cost"};
        int[] widths = {28, 12, 20, 14};
        for (int i = 0; i < columns.length; i++) {
            head.createCell(i).setCellValue(texts.text(columns[i]));
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int n = 1;
        for (var e : summary.byOperator().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            var r = sheet.createRow(n++);
            r.createCell(0).setCellValue(e.getKey().equals(LANDLINE) ? texts.text("claim.operator." + LANDLINE) : e.getKey());
            r.createCell(1).setCellValue(e.getValue().calls());
            r.createCell(2).setCellValue(e.getValue().minutes());
            r.createCell(3).setCellValue(e.getValue().cost().doubleValue());
        }
        var total = sheet.createRow(n);
        total.createCell(0).setCellValue(texts.text("claim.total"));
        total.createCell(1).setCellValue(summary.calls());
        total.createCell(2).setCellValue(summary.minutes());
        total.createCell(3).setCellValue(summary.cost().doubleValue());
    }
}
