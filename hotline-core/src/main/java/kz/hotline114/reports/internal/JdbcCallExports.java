package kz.hotline114.reports.internal;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.calls.CallFilter;
import kz.hotline114.calls.CallerNumberFilter;
import kz.hotline114.calls.PhoneNumbers;
import kz.hotline114.cases.PersonalData;
import kz.hotline114.reports.CallExports;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.ReportTexts;
import kz.hotline114.reports.ReportsProperties;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.shared.HotlineProperties;

/** Streams the calls and their cases from PostgreSQL with a cursor into CSV or SXSSF. */
@Service
class JdbcCallExports implements CallExports {

    /** The columns of an export; the cases' question and answer only for roles that read every case. */
    static final List<String> COLUMNS = List.of("startedAt", "duration", "caller", "operator", "region", "ivr", "queues",
            "wait", "answeredBy", "talk", "outcome", "wrongNumberReason", "cases", "category", "question", "answer");
    static final int WITHOUT_TEXTS = COLUMNS.size() - 2;
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9][0-9 *().]*");

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final HotlineProperties hotline;
    private final ReportsProperties props;
    private final CallerNumberFilter numbers;

    JdbcCallExports(JdbcTemplate jdbc, AuditLog audit, HotlineProperties hotline, ReportsProperties props,
                    CallerNumberFilter numbers) {
        this.numbers = numbers;
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(1000);
        this.audit = audit;
        this.hotline = hotline;
        this.props = props;
    }

    interface RowSink {
        void row(List<Object> values) throws IOException;
    }

    @Override
    @Transactional // csv()/xlsx() called from here run in this transaction (a self-call skips their proxy)
    public ExportFile export(LocalDate from, LocalDate to, Format format, ReportTexts texts)
            throws IOException {
        var zone = hotline.zone();
        var filter = new CallFilter(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                null, null, null);
        var file = Files.createTempFile("hotline-export", "." + format.extension());
        try (var out = new BufferedOutputStream(Files.newOutputStream(file))) {
            switch (format) {
                case CSV -> csv(filter, texts, out);
                case XLSX -> xlsx(filter, texts, out);
            }
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        var content = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public void close() throws IOException {
                super.close();
                Files.deleteIfExists(file);
            }
        };
        return new ExportFile("calls-" + from + "-" + to + "." + format.extension(), format.contentType(),
                Files.size(file), content);
    }

    @Override
    @Transactional // one transaction: the cursor streams the rows, and the audit row is written with them
    public void csv(CallFilter filter, ReportTexts texts, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\ufeff');
            export(filter, texts, "calls.csv", values -> {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(csvField(values.get(i)));
                }
                w.write("\r\n");
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional
    public void xlsx(CallFilter filter, ReportTexts texts, OutputStream out) {
        try (var wb = new SXSSFWorkbook(100)) {
            wb.setCompressTempFiles(true);
            CellStyle bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            String name = texts.text("report.attachments.number", "2");
            var sheets = new XlsxSheets(wb, name, bold, rowsPerSheet);
            export(filter, texts, "calls.xlsx", sheets::row);
            wb.write(out);
            wb.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows per XLSX sheet, the header included: Excel's limit; tests lower it. */
    int rowsPerSheet = SpreadsheetVersion.EXCEL2007.getMaxRows();

    /**
     * The calls' sheets: the first row written is the header, repeated (bold, frozen) at the top of every sheet;
     * when a sheet is full the next one («… (2)», «… (3)») continues, so a period of more than a million calls
     * still exports instead of failing half-way.
     */
    private static final class XlsxSheets {
        private final SXSSFWorkbook wb;
        private final String name;
        private final CellStyle bold;
        private final int rowsPerSheet;
        private List<Object> header;
        private Sheet sheet;
        private int rowNo;

        XlsxSheets(SXSSFWorkbook wb, String name, CellStyle bold, int rowsPerSheet) {
            this.wb = wb;
            this.name = name;
            this.bold = bold;
            this.rowsPerSheet = rowsPerSheet;
        }

        void row(List<Object> values) {
            if (header == null) {
                header = List.copyOf(values);
                newSheet();
                return;
            }
            if (rowNo == rowsPerSheet) {
                newSheet();
            }
            write(values, false);
        }

        private void newSheet() {
            int n = wb.getNumberOfSheets();
            sheet = wb.createSheet(n == 0 ? name : name + " (" + (n + 1) + ")");
            sheet.createFreezePane(0, 1);
            rowNo = 0;
            write(header, true);
        }

        private void write(List<Object> values, boolean isHeader) {
            var row = sheet.createRow(rowNo++);
            for (int i = 0; i < values.size(); i++) {
                var cell = row.createCell(i);
                if (values.get(i) instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(values.get(i) == null ? "" : values.get(i).toString());
                }
                if (isHeader) {
                    cell.setCellStyle(bold);
                }
            }
        }
    }

    private void export(CallFilter asked, ReportTexts texts, String what, RowSink sink) throws IOException {
        ReportAccess.read();
        var f = numbers.admit(asked, what);
        var where = new StringBuilder(" where c.started_at >= ? and c.started_at < ?");
        var args = new ArrayList<Object>(List.of(Timestamp.from(f.from()), Timestamp.from(f.to())));
        if (f.pbx() != null) {
            where.append(" and c.pbx_id = ?");
            args.add(f.pbx());
        }
        if (f.outcome() != null) {
            where.append(" and c.outcome = ?");
            args.add(f.outcome().name());
        }
        if (f.queue() != null) {
            where.append(" and ? = any(c.queues)");
            args.add(f.queue());
        }
        if (f.wholeNumber() && f.number() != null) {
            where.append(" and c.caller_number = ?");
            args.add(f.number());
        } else if (f.number() != null) {
            String digits = f.number().replaceAll("\\D", "");
            if (digits.isEmpty()) {
                throw new InvalidReport(Map.of("number", "no-digits"));
            }
            where.append(" and c.caller_number like ?");
            args.add("%" + digits + "%");
        }
        long rows = jdbc.queryForObject("select count(*) from calls c" + where, Long.class, args.toArray());
        if (rows > props.exportMaxRows()) {
            throw new InvalidReport(Map.of("to", "too-many-rows"));
        }
        boolean full = CurrentUser.maySeeCallerNumbers();
        // the cases' texts only for those who read every case (a reporter gets the Q&A only anonymised, as the collection)
        boolean caseTexts = CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN);
        audit.record(full ? "CALLS_EXPORTED_FULL_NUMBERS" : "CALLS_EXPORTED_MASKED", what,
                f.describe() + " rows=" + rows + (caseTexts ? " with case texts" : ""));
        var columns = caseTexts ? COLUMNS : COLUMNS.subList(0, WITHOUT_TEXTS);
        sink.row(columns.stream().<Object>map(c -> texts.text("export." + c)).toList());
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(hotline.zone());
        jdbc.query("""
                select c.*, k.numbers, k.categories, k.questions, k.answers from calls c
                left join lateral (
                    select string_agg(cc.number, '; ' order by cc.number) as numbers,
                           string_agg(cc.category, '; ' order by cc.number) as categories,
                           string_agg(cc.question, E'\\n---\\n' order by cc.number) as questions,
                           string_agg(coalesce(cc.answer, ''), E'\\n---\\n' order by cc.number) as answers
                    from case_call l join consultation_case cc on cc.id = l.case_id
                    where l.pbx_id = c.pbx_id and l.linkedid = c.linkedid) k on true""" + where
                + " order by c.started_at, c.pbx_id, c.linkedid", (ResultSet rs) -> {
            try {
                var row = row(rs, full, time);
                sink.row(caseTexts ? row : row.subList(0, WITHOUT_TEXTS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, args.toArray());
    }

    private static List<Object> row(ResultSet rs, boolean full, DateTimeFormatter time) throws SQLException {
        var started = rs.getTimestamp("started_at").toInstant();
        var ended = rs.getTimestamp("ended_at");
        String number = rs.getString("caller_number");
        var values = new ArrayList<Object>();
        values.add(time.format(started));
        values.add(ended == null ? null : Math.round((ended.toInstant().toEpochMilli() - started.toEpochMilli()) / 1000.0));
        values.add(number == null ? "" : full ? number : PhoneNumbers.mask(number));
        values.add(rs.getString("operator"));
        values.add(rs.getString("region"));
        values.add(rs.getString("ivr_choice"));
        values.add(String.join(", ", (String[]) rs.getArray("queues").getArray()));
        values.add(intOrNull(rs, "wait_seconds"));
        values.add(String.join(", ", (String[]) rs.getArray("answered_by").getArray()));
        values.add(intOrNull(rs, "talk_seconds"));
        values.add(rs.getString("outcome"));
        values.add(rs.getString("wrong_number_reason"));
        values.add(rs.getString("numbers"));
        values.add(rs.getString("categories"));
        values.add(rs.getString("questions") == null ? null : PersonalData.strike(rs.getString("questions")));
        values.add(rs.getString("answers") == null ? null : PersonalData.strike(rs.getString("answers")));
        return values;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // a text starting with =, @, a tab or CR, or with + or - unless it is only a signed number, would be a formula in
        // Excel (+1+cmd|…): prefix it (phone numbers such as +77011234567 or +7 701 *** ** 01 stay as they are)
        boolean formula = !(value instanceof Number) && !s.isEmpty() && ("=@\t\r".indexOf(s.charAt(0)) >= 0
                || "+-".indexOf(s.charAt(0)) >= 0 && !SIGNED_NUMBER.matcher(s).matches());
        if (formula) {
            s = "'" + s;
        }
        if (formula || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
