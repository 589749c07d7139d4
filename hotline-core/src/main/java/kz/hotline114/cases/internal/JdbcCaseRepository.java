package kz.hotline114.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.CaseFilter;
import kz.hotline114.cases.CaseStatus;
import kz.hotline114.cases.CaseSummary;
import kz.hotline114.cases.ConsultationCase;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.search.KazakhWordForms;
import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.Region;
import kz.hotline114.shared.SocialStatus;
import kz.hotline114.calls.CallKey;

@Repository
class JdbcCaseRepository {

    private final JdbcTemplate jdbc;

    private final KazakhWordForms forms;

    JdbcCaseRepository(JdbcTemplate jdbc, KazakhWordForms forms) {
        this.jdbc = jdbc;
        this.forms = forms;
    }

    /** The stems of a case's question and answer, as the search without Elasticsearch matches them. */
    private String[] stems(String question, @Nullable String answer) {
        return forms.stemsOf(question + " " + (answer == null ? "" : answer)).toArray(String[]::new);
    }

    /** Cases saved before their stems were kept get them, a batch at a time; how many were done. */
    int fillMissingStems(int batch) {
        var rows = jdbc.query("select id, question, answer from consultation_case where stems is null order by id limit ?",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, batch);
        for (var r : rows) {
            jdbc.update("update consultation_case set stems = ? where id = ?", stems((String) r[1], (String) r[2]), r[0]);
        }
        return rows.size();
    }

    /** The next number of the year, gapless (the counter row is locked until the transaction ends). */
    String nextNumber(int year) {
        Integer n = jdbc.queryForObject("""
                insert into case_number_counter (year, last) values (?, 1)
                on conflict (year) do update set last = case_number_counter.last + 1
                returning last""", Integer.class, year);
        return "114-%d-%05d".formatted(year, n);
    }

    boolean exists(String number) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from consultation_case where number = ?)", Boolean.class, number));
    }

    long insert(String number, Instant openedAt, String openedBy, CaseDraft d, String specialist) {
        return jdbc.queryForObject("""
                insert into consultation_case (number, opened_at, opened_by, category, movement, question, answer, specialist, language,
                    status, gender, age_bracket, social_status, region, callback_consent, referral_partner, referral_note,
                    stems)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                number, Timestamp.from(openedAt), openedBy, d.category(), blank(d.movement()), d.question().strip(), blank(d.answer()), specialist,
                d.language(), name(d.profile().gender()), name(d.profile().ageBracket()),
                name(d.profile().socialStatus()), name(d.profile().region()), d.callbackConsent(),
                blank(d.referralPartner()), blank(d.referralNote()), stems(d.question(), d.answer()));
    }

    void update(long id, CaseDraft d, @Nullable String specialist) {
        jdbc.update("""
                update consultation_case set category = ?, movement = ?, question = ?, answer = ?, specialist = ?,
                    language = ?, gender = ?, age_bracket = ?, social_status = ?, region = ?, callback_consent = ?,
                    referral_partner = ?, referral_note = ?, stems = ?, updated_at = now()
                where id = ?""", d.category(), blank(d.movement()), d.question().strip(), blank(d.answer()), specialist,
                d.language(), name(d.profile().gender()), name(d.profile().ageBracket()),
                name(d.profile().socialStatus()), name(d.profile().region()), d.callbackConsent(),
                blank(d.referralPartner()), blank(d.referralNote()), stems(d.question(), d.answer()), id);
    }

    void setStatus(long id, CaseStatus to) {
        jdbc.update("update consultation_case set status = ?, updated_at = now() where id = ?", to.name(), id);
    }

    void recordStatus(long id, String by, @Nullable CaseStatus from, CaseStatus to, @Nullable String note) {
        jdbc.update("insert into case_status_change (case_id, by_user, from_status, to_status, note) values (?, ?, ?, ?, ?)",
                id, by, from == null ? null : from.name(), to.name(), note);
    }

    void addCall(long id, CallKey call) {
        jdbc.update("insert into case_call (case_id, pbx_id, linkedid) values (?, ?, ?) on conflict do nothing", id,
                call.pbxId(), call.linkedid());
    }

    void addFollowUp(long id, LocalDate due, String what) {
        jdbc.update("insert into case_follow_up (case_id, due_on, what) values (?, ?, ?)", id, due, what);
    }

    int completeFollowUp(long caseId, long followUpId) {
        return jdbc.update("update case_follow_up set done = true, done_at = now() where id = ? and case_id = ? and not done",
                followUpId, caseId);
    }

    void touch(long id) {
        jdbc.update("update consultation_case set updated_at = now() where id = ?", id);
    }

    Optional<ConsultationCase> find(String number) {
        var rows = jdbc.query("select * from consultation_case where number = ?", (rs, n) -> rs.getLong("id"), number);
        return rows.isEmpty() ? Optional.empty() : Optional.of(load(rows.getFirst()));
    }

    Optional<ConsultationCase> findById(long id) {
        var rows = jdbc.query("select id from consultation_case where id = ?", (rs, n) -> rs.getLong(1), id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(load(id));
    }

    private ConsultationCase load(long id) {
        var calls = jdbc.query("select pbx_id, linkedid, added_at from case_call where case_id = ? order by added_at",
                (rs, n) -> new ConsultationCase.CallRef(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), id);
        var followUps = jdbc.query("select id, due_on, what, done, done_at from case_follow_up where case_id = ? order by due_on, id",
                (rs, n) -> new ConsultationCase.FollowUp(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getBoolean(4), instant(rs, "done_at")), id);
        var history = jdbc.query("select at, by_user, from_status, to_status, note from case_status_change where case_id = ? order by id",
                (rs, n) -> new ConsultationCase.StatusChange(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? null : CaseStatus.valueOf(rs.getString(3)),
                        CaseStatus.valueOf(rs.getString(4)), rs.getString(5)), id);
        return jdbc.queryForObject("select * from consultation_case where id = ?", (rs, n) -> new ConsultationCase(
                rs.getLong("id"), rs.getString("number"), rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
                rs.getString("category"), rs.getString("movement"), rs.getString("question"), rs.getString("answer"),
                rs.getString("specialist"), rs.getString("language"), CaseStatus.valueOf(rs.getString("status")),
                profile(rs), rs.getBoolean("callback_consent"), rs.getString("referral_partner"),
                rs.getString("referral_note"), calls, followUps, history, rs.getTimestamp("updated_at").toInstant()), id);
    }

    /** A permission restriction: cases opened by or assigned to {@code user}; null = all. */
    record Visibility(@Nullable String user) {
        static final Visibility ALL = new Visibility(null);
    }

    List<CaseSummary> find(CaseFilter f, Visibility v, int offset, int limit) {
        var w = where(f, v);
        var args = new ArrayList<>(w.args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select number, category, question, answer, status, opened_at, specialist from consultation_case"
                + w.sql + " order by opened_at desc, id desc limit ? offset ?", (rs, n) -> new CaseSummary(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), CaseStatus.valueOf(rs.getString(5)),
                rs.getTimestamp(6).toInstant(), rs.getString(7)), args.toArray());
    }

    List<CaseSummary> summaries(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select number, category, question, answer, status, opened_at, specialist from consultation_case"
                + " where number = any(?)", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", numbers.toArray())),
                (rs, n) -> new CaseSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        CaseStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getString(7)));
    }

    long count(CaseFilter f, Visibility v) {
        var w = where(f, v);
        return jdbc.queryForObject("select count(*) from consultation_case" + w.sql, Long.class, w.args.toArray());
    }

    List<CaseSummary> ofCall(CallKey call, Visibility v) {
        var args = new ArrayList<Object>(List.of(call.pbxId(), call.linkedid()));
        var restrict = "";
        if (v.user() != null) {
            restrict = " and (c.opened_by = ? or c.specialist = ?)";
            args.add(v.user());
            args.add(v.user());
        }
        return jdbc.query("""
                select c.number, c.category, c.question, c.answer, c.status, c.opened_at, c.specialist
                from consultation_case c join case_call k on k.case_id = c.id
                where k.pbx_id = ? and k.linkedid = ?""" + restrict + " order by c.opened_at", (rs, n) -> new CaseSummary(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), CaseStatus.valueOf(rs.getString(5)),
                rs.getTimestamp(6).toInstant(), rs.getString(7)), args.toArray());
    }

    /** Whether the call is assigned to this user for evaluation (the quality monitoring's assignment). */
    boolean assignedForEvaluation(CallKey call, String user) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from evaluation where pbx_id = ? and linkedid = ? and evaluator = ?)""",
                Boolean.class, call.pbxId(), call.linkedid(), user));
    }

    private record Where(String sql, List<Object> args) {
    }

    private Where where(CaseFilter f, Visibility v) {
        var sb = new StringBuilder(" where true");
        var args = new ArrayList<Object>();
        if (f.q() != null && !f.q().isBlank()) {
            // the database's own full-text search (simple configuration, works for kk and ru) and the words' stems;
            // Elasticsearch, when available, ranks better. Every word as a word, a word's start, or another form of
            // it (a shared stem: «намаздың» finds «намазына»), as the index does
            for (var w : KazakhWordForms.words(f.q()).stream().distinct().limit(20).toList()) {
                sb.append(" and (to_tsvector('simple', question || ' ' || coalesce(answer, '')) @@ to_tsquery('simple', ?)"
                        + " or stems && ?::text[])");
                args.add(w + ":*");
                args.add(forms.stems(w).toArray(String[]::new));
            }
        }
        if (f.category() != null && !f.category().isBlank()) {
            sb.append(" and category = ?");
            args.add(f.category());
        }
        if (f.status() != null) {
            sb.append(" and status = ?");
            args.add(f.status().name());
        }
        if (f.from() != null) {
            sb.append(" and opened_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sb.append(" and opened_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (v.user() != null) {
            sb.append(" and (opened_by = ? or specialist = ?)");
            args.add(v.user());
            args.add(v.user());
        }
        return new Where(sb.toString(), args);
    }

    Taxonomy taxonomy() {
        var categories = jdbc.query("select code, name_kk, name_ru from case_category where active order by sort_order, code",
                (rs, n) -> new Taxonomy.Term(rs.getString(1), rs.getString(2), rs.getString(3)));
        var movements = jdbc.query("select code, name_kk, name_ru from movement where active order by name_kk",
                (rs, n) -> new Taxonomy.Term(rs.getString(1), rs.getString(2), rs.getString(3)));
        var partners = jdbc.query("select code, name_kk, coalesce(city, '') from partner_organisation where active order by name_kk",
                (rs, n) -> new Taxonomy.Term(rs.getString(1), rs.getString(2), rs.getString(2)));
        return new Taxonomy(categories, movements, partners, names(Gender.values()), names(AgeBracket.values()),
                names(SocialStatus.values()), names(Region.values()), List.of("kk", "ru"), names(CaseStatus.values()));
    }

    Map<String, Long> countBy(String expression, Instant from, Instant to) {
        var out = new LinkedHashMap<String, Long>();
        jdbc.query("select " + expression + " as k, count(*) from consultation_case where opened_at >= ? and opened_at < ?"
                + " group by k order by k", rs -> {
                    out.put(rs.getString(1) == null ? "UNKNOWN" : rs.getString(1), rs.getLong(2));
                }, Timestamp.from(from), Timestamp.from(to));
        return out;
    }

    Map<String, Long> countByMonth(Instant from, Instant to, ZoneId zone) {
        return countBy("to_char(opened_at at time zone '" + zone.getId().replace("'", "") + "', 'YYYY-MM')", from, to);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static CallerProfile profile(ResultSet rs) throws SQLException {
        return new CallerProfile(value(Gender.class, rs.getString("gender")),
                value(AgeBracket.class, rs.getString("age_bracket")),
                value(SocialStatus.class, rs.getString("social_status")), value(Region.class, rs.getString("region")));
    }

    private static <E extends Enum<E>> @Nullable E value(Class<E> type, @Nullable String s) {
        return s == null ? null : Enum.valueOf(type, s);
    }

    private static @Nullable String name(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
        var t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
