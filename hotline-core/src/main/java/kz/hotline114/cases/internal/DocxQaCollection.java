package kz.hotline114.cases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import kz.hotline114.cases.PersonalData;
import kz.hotline114.cases.QaCollection;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.shared.HotlineProperties;

@Service
class DocxQaCollection implements QaCollection {

    /** Phone numbers (7+ digits with separators) and e-mail addresses inside free text. */

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "kk", Map.of("title", "«Қауырт желі-114» қызметіне түскен сұрақтар мен берілген жауаптар",
                    "period", "Кезең: %s – %s", "question", "Сұрақ: ", "answer", "Жауап: ",
                    "total", "Барлығы %d сұрақ. Сұрақтар мен жауаптар анонимді: қоңырау шалушының аты мен нөмірі көрсетілмейді.",
                    "none", "Бұл кезеңде жауабы жазылған сұрақ жоқ."),
            "ru", Map.of("title", "Вопросы, поступившие на линию «Қауырт желі-114», и данные ответы",
                    "period", "Период: %s – %s", "question", "Вопрос: ", "answer", "Ответ: ",
                    "total", "Всего вопросов: %d. Вопросы и ответы анонимны: имя и номер звонящего не указываются.",
                    "none", "За этот период нет вопросов с записанным ответом."));

    private final JdbcTemplate jdbc;
    private final HotlineProperties props;
    private final AuditLog audit;

    DocxQaCollection(JdbcTemplate jdbc, HotlineProperties props, AuditLog audit) {
        this.jdbc = jdbc;
        this.props = props;
        this.audit = audit;
    }

    record Qa(String category, String question, String answer) {
    }

    @Override
    public byte[] docx(java.time.LocalDate from, java.time.LocalDate to, String language) {
        return docx(from.atStartOfDay(props.zone()).toInstant(), to.plusDays(1).atStartOfDay(props.zone()).toInstant(),
                language);
    }

    @Override
    public byte[] docx(Instant from, Instant to, String language) {
        if (!(CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN) || CurrentUser.has(Role.REPORTER))) {
            throw new AccessDeniedException("the Q&A collection is for supervisors, reporters and admins");
        }
        var lang = "ru".equals(language) ? "ru" : "kk";
        var text = TEXT.get(lang);
        var nameColumn = lang.equals("ru") ? "k.name_ru" : "k.name_kk";
        var rows = jdbc.query("""
                select %s, c.question, c.answer from consultation_case c join case_category k on k.code = c.category
                where c.opened_at >= ? and c.opened_at < ? and c.answer is not null and c.answer <> ''
                order by k.sort_order, k.code, c.opened_at""".formatted(nameColumn),
                (rs, n) -> new Qa(rs.getString(1), scrub(rs.getString(2)), scrub(rs.getString(3))),
                Timestamp.from(from), Timestamp.from(to));
        var byCategory = new LinkedHashMap<String, List<Qa>>();
        rows.forEach(r -> byCategory.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(r));

        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            var title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            var t = title.createRun();
            t.setBold(true);
            t.setFontSize(16);
            t.setFontFamily("Times New Roman");
            t.setText(text.get("title"));
            var day = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(props.zone());
            paragraph(doc, String.format(text.get("period"), day.format(from), day.format(to.minusSeconds(1))), false, 12)
                    .setAlignment(ParagraphAlignment.CENTER);
            paragraph(doc, String.format(text.get("total"), rows.size()), false, 11);
            if (rows.isEmpty()) {
                paragraph(doc, text.get("none"), false, 12);
            }
            int section = 0;
            for (var e : byCategory.entrySet()) {
                section++;
                var heading = paragraph(doc, section + ". " + e.getKey() + " (" + e.getValue().size() + ")", true, 14);
                heading.setStyle("Heading1");
                heading.setSpacingBefore(240);
                int i = 0;
                for (var qa : e.getValue()) {
                    i++;
                    var q = doc.createParagraph();
                    q.setSpacingBefore(120);
                    run(q, section + "." + i + ". " + text.get("question"), true);
                    run(q, qa.question(), false);
                    var a = doc.createParagraph();
                    a.setIndentationLeft(360);
                    run(a, text.get("answer"), true);
                    run(a, qa.answer(), false);
                }
            }
            doc.write(out);
            audit.record("QA_COLLECTION_EXPORTED", from + "/" + to, rows.size() + " questions, " + lang);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Q&A collection", e);
        }
    }

    static String scrub(String s) {
        return PersonalData.strike(s);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String s, boolean bold, int size) {
        var p = doc.createParagraph();
        var r = p.createRun();
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily("Times New Roman");
        r.setText(s);
        return p;
    }

    private static void run(XWPFParagraph p, String s, boolean bold) {
        var r = p.createRun();
        r.setBold(bold);
        r.setFontSize(12);
        r.setFontFamily("Times New Roman");
        r.setText(s);
    }
}
