package kz.hotline114.cases.internal;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import kz.hotline114.search.DocumentSource;
import kz.hotline114.search.KazakhWordForms;
import kz.hotline114.shared.HotlineProperties;

/**
 * Cases as the search index holds them: the question and answer as text, everything else as
 * keywords for filters and counts. No caller number (there is none on a case) and no names.
 */
@Component
class CaseDocuments implements DocumentSource {

    private final JdbcTemplate jdbc;
    private final HotlineProperties props;

    private final KazakhWordForms forms;

    CaseDocuments(JdbcTemplate jdbc, HotlineProperties props, KazakhWordForms forms) {
        this.forms = forms;
        this.jdbc = jdbc;
        this.props = props;
    }

    @Override
    public String type() {
        return CaseService.DOC_TYPE;
    }

    @Override
    public Map<String, String> mapping() {
        var m = new LinkedHashMap<String, String>();
        m.put("number", "keyword");
        m.put("question", "text");
        m.put("answer", "text");
        m.put(STEMS, "keyword");
        for (var k : new String[] {"category", "movement", "status", "language", "gender", "ageBracket", "socialStatus",
                "region", "openedBy", "specialist", "month"}) {
            m.put(k, "keyword");
        }
        m.put("openedAt", "date");
        return m;
    }

    @Override
    public Optional<Map<String, Object>> document(String number) {
        return jdbc.query("""
                select number, question, answer, category, movement, status, language, gender, age_bracket, social_status,
                       region, opened_by, specialist, opened_at from consultation_case where number = ?""", (rs, n) -> {
            var d = new LinkedHashMap<String, Object>();
            d.put("number", rs.getString("number"));
            d.put("question", rs.getString("question"));
            d.put("answer", rs.getString("answer"));
            d.put(STEMS, forms.stemsOf(rs.getString("question") + " " + Objects.requireNonNullElse(rs.getString("answer"), "")));
            d.put("category", rs.getString("category"));
            d.put("movement", rs.getString("movement"));
            d.put("status", rs.getString("status"));
            d.put("language", rs.getString("language"));
            d.put("gender", rs.getString("gender"));
            d.put("ageBracket", rs.getString("age_bracket"));
            d.put("socialStatus", rs.getString("social_status"));
            d.put("region", rs.getString("region"));
            d.put("openedBy", rs.getString("opened_by"));
            d.put("specialist", rs.getString("specialist"));
            var opened = rs.getTimestamp("opened_at").toInstant();
            d.put("openedAt", opened.toString());
            d.put("month", YearMonth.from(opened.atZone(props.zone())).toString());
            d.values().removeIf(Objects::isNull);
            return (Map<String, Object>) d;
        }, number).stream().findFirst();
    }

    @Override
    public Stream<String> allIds() {
        return jdbc.queryForList("select number from consultation_case order by id", String.class).stream();
    }
}
