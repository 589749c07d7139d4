package kz.hotline114.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.cases.CaseCounts;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.CaseFilter;
import kz.hotline114.cases.CaseOpened;
import kz.hotline114.cases.CasePage;
import kz.hotline114.cases.CaseStatus;
import kz.hotline114.cases.CaseSummary;
import kz.hotline114.cases.Cases;
import kz.hotline114.cases.ConsultationCase;
import kz.hotline114.cases.InvalidCase;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.search.SearchIndex;
import kz.hotline114.search.SearchOutbox;
import kz.hotline114.search.SearchQuery;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.calls.CallKey;

@Service
class CaseService implements Cases {

    static final String DOC_TYPE = "case";
    static final int QUESTION_MAX = 10_000;
    /** A note (referral, follow-up, status change): a few sentences. */
    static final int NOTE_MAX = 2_000;
    /** Deepest case served by paging (Elasticsearch's result window; past it, narrow the search). */
    static final int MAX_DEPTH = 10_000;

    private final JdbcCaseRepository cases;
    private final AuditLog audit;
    private final SearchOutbox outbox;
    private final SearchIndex search;
    private final ApplicationEventPublisher events;
    private final HotlineProperties props;
    private final Clock clock;

    CaseService(JdbcCaseRepository cases, AuditLog audit, SearchOutbox outbox, SearchIndex search,
                ApplicationEventPublisher events, HotlineProperties props, Clock clock) {
        this.search = search;
        this.cases = cases;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    // --- permissions ---------------------------------------------------------------------------

    private static boolean seesAll() {
        return CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN);
    }

    private static JdbcCaseRepository.Visibility visibility() {
        if (seesAll()) {
            return JdbcCaseRepository.Visibility.ALL;
        }
        if (CurrentUser.has(Role.SPECIALIST) || CurrentUser.has(Role.OPERATOR)) {
            return new JdbcCaseRepository.Visibility(CurrentUser.name());
        }
        throw new AccessDeniedException("only aggregate figures of cases are available to this role");
    }

    private static boolean mayRead(ConsultationCase c) {
        if (seesAll()) {
            return true;
        }
        var me = CurrentUser.name();
        return (CurrentUser.has(Role.SPECIALIST) || CurrentUser.has(Role.OPERATOR))
                && (me.equals(c.openedBy()) || me.equals(c.specialist()));
    }

    private static boolean mayEdit(ConsultationCase c) {
        if (seesAll()) {
            return true;
        }
        var me = CurrentUser.name();
        return CurrentUser.has(Role.SPECIALIST) && (me.equals(c.openedBy()) || me.equals(c.specialist()));
    }

    private ConsultationCase editable(String number) {
        var c = cases.find(number).orElseThrow(() -> new InvalidCase(Map.of("number", "unknown")));
        if (!mayEdit(c)) {
            throw new AccessDeniedException("case " + number + " is not yours to change");
        }
        return c;
    }

    // --- commands ------------------------------------------------------------------------------

    @Override
    @Transactional
    public String open(CaseDraft draft) {
        if (!(seesAll() || CurrentUser.has(Role.OPERATOR) || CurrentUser.has(Role.SPECIALIST))) {
            throw new AccessDeniedException("this role cannot open cases");
        }
        validate(draft);
        var openedAt = clock.instant();
        var year = openedAt.atZone(props.zone()).getYear();
        var number = cases.nextNumber(year);
        var specialist = draft.specialist() != null && !draft.specialist().isBlank() ? draft.specialist().strip()
                : CurrentUser.has(Role.SPECIALIST) ? CurrentUser.name() : null;
        long id = cases.insert(number, openedAt, CurrentUser.name(), draft, specialist);
        cases.recordStatus(id, CurrentUser.name(), null, CaseStatus.OPEN, null);
        if (draft.callLinkedid() != null && !draft.callLinkedid().isBlank()) {
            cases.addCall(id, new CallKey(draft.callPbx() == null || draft.callPbx().isBlank() ? "pbx-114" : draft.callPbx(),
                    draft.callLinkedid().strip()));
        }
        outbox.enqueue(DOC_TYPE, number);
        audit.record("CASE_OPENED", number, draft.category());
        events.publishEvent(new CaseOpened(number, draft.category()));
        return number;
    }

    /** Not one transaction: a refused view must stay in the audit log although the call fails. */
    @Override
    public Optional<ConsultationCase> get(String number) {
        var c = cases.find(number);
        if (c.isPresent() && !mayRead(c.get())) {
            audit.record("CASE_VIEW_REFUSED", number, null);
            throw new AccessDeniedException("case " + number + " is not visible to this user");
        }
        c.ifPresent(x -> audit.record("CASE_VIEWED", number, null));
        return c;
    }

    @Override
    @Transactional
    public ConsultationCase update(String number, CaseDraft draft) {
        var c = editable(number);
        validate(draft);
        var specialist = draft.specialist() != null && !draft.specialist().isBlank() ? draft.specialist().strip()
                : c.specialist();
        cases.update(c.id(), draft, specialist);
        if (draft.callLinkedid() != null && !draft.callLinkedid().isBlank()) {
            cases.addCall(c.id(), new CallKey(draft.callPbx() == null ? "pbx-114" : draft.callPbx(), draft.callLinkedid()));
        }
        outbox.enqueue(DOC_TYPE, number);
        audit.record("CASE_UPDATED", number, changes(c, draft));
        return cases.findById(c.id()).orElseThrow();
    }

    @Override
    @Transactional
    public ConsultationCase changeStatus(String number, CaseStatus to, @Nullable String note) {
        var c = editable(number);
        if (!c.status().next().contains(to)) {
            throw new InvalidCase(Map.of("status", "not-allowed"));
        }
        if (note != null && note.length() > NOTE_MAX) {
            throw new InvalidCase(Map.of("note", "too-long"));
        }
        if (to == CaseStatus.REFERRED && c.referralPartner() == null) {
            throw new InvalidCase(Map.of("referralPartner", "required"));
        }
        cases.setStatus(c.id(), to);
        cases.recordStatus(c.id(), CurrentUser.name(), c.status(), to, note);
        outbox.enqueue(DOC_TYPE, number);
        audit.record("CASE_STATUS_CHANGED", number, c.status() + " → " + to);
        return cases.findById(c.id()).orElseThrow();
    }

    @Override
    @Transactional
    public ConsultationCase addFollowUp(String number, LocalDate dueOn, String what) {
        var c = editable(number);
        if (what == null || what.isBlank()) {
            throw new InvalidCase(Map.of("what", "required"));
        }
        if (what.length() > NOTE_MAX) {
            throw new InvalidCase(Map.of("what", "too-long"));
        }
        cases.addFollowUp(c.id(), dueOn, what.strip());
        cases.touch(c.id());
        audit.record("CASE_FOLLOW_UP_ADDED", number, dueOn.toString());
        return cases.findById(c.id()).orElseThrow();
    }

    @Override
    @Transactional
    public ConsultationCase completeFollowUp(String number, long followUpId) {
        var c = editable(number);
        if (cases.completeFollowUp(c.id(), followUpId) == 0) {
            throw new InvalidCase(Map.of("followUp", "unknown"));
        }
        cases.touch(c.id());
        audit.record("CASE_FOLLOW_UP_DONE", number, String.valueOf(followUpId));
        return cases.findById(c.id()).orElseThrow();
    }

    @Override
    @Transactional
    public ConsultationCase attachCall(String number, CallKey call) {
        var c = editable(number);
        cases.addCall(c.id(), call);
        cases.touch(c.id());
        audit.record("CASE_CALL_ATTACHED", number, call.toString());
        return cases.findById(c.id()).orElseThrow();
    }

    // --- queries -------------------------------------------------------------------------------

    @Override
    public CasePage find(CaseFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and 500");
        }
        if ((long) page * size + size > MAX_DEPTH) {
            throw new IllegalArgumentException("page: at most " + MAX_DEPTH + " cases in; narrow the search instead");
        }
        var v = visibility();
        if (filter.q() != null && !filter.q().isBlank()) {
            var hits = search.search(DOC_TYPE, query(filter, v, page * size, size));
            if (hits.isPresent()) {
                // the index says which and in what order; PostgreSQL says what they are now
                var byNumber = new HashMap<String, CaseSummary>();
                cases.summaries(hits.get().ids()).forEach(c -> byNumber.put(c.number(), c));
                var items = hits.get().ids().stream().map(byNumber::get).filter(Objects::nonNull).toList();
                audit.recordListing("CASES_SEARCHED", describe(filter), items.size() + " cases");
                return new CasePage(hits.get().total(), items);
            }
        }
        var items = cases.find(filter, v, page * size, size);
        audit.recordListing("CASES_LISTED", describe(filter), items.size() + " cases");
        return new CasePage(cases.count(filter, v), items);
    }

    @Override
    public long count(CaseFilter filter) {
        var v = visibility();
        if (filter.q() != null && !filter.q().isBlank()) {
            var hits = search.search(DOC_TYPE, query(filter, v, 0, 1));
            if (hits.isPresent()) {
                return hits.get().total();
            }
        }
        return cases.count(filter, v);
    }

    @Override
    public List<CaseSummary> ofCall(CallKey call) {
        var v = visibility();
        var list = cases.ofCall(call, v);
        if (!list.isEmpty()) {
            audit.record("CASES_OF_CALL_LISTED", call.toString(), list.size() + " cases");
        }
        return list;
    }

    @Override
    public List<CaseSummary> ofEvaluatedCall(CallKey call) {
        if (!(seesAll() || CurrentUser.has(Role.EVALUATOR) && cases.assignedForEvaluation(call, CurrentUser.name()))) {
            throw new AccessDeniedException("a call's cases are read for its evaluation by its evaluator");
        }
        var list = cases.ofCall(call, JdbcCaseRepository.Visibility.ALL);
        if (!list.isEmpty()) {
            audit.record("CASES_OF_EVALUATED_CALL_READ", call.toString(), list.size() + " cases");
        }
        return list;
    }

    @Override
    public boolean exists(String number) {
        if (!(seesAll() || CurrentUser.has(Role.OPERATOR) || CurrentUser.has(Role.SPECIALIST))) {
            throw new AccessDeniedException("this role cannot refer to cases");
        }
        return cases.exists(number);
    }

    @Override
    public Taxonomy taxonomy() {
        return cases.taxonomy();
    }

    @Override
    public CaseCounts counts(Instant from, Instant to) {
        if (!(seesAll() || CurrentUser.has(Role.REPORTER))) {
            throw new AccessDeniedException("case statistics are for reporters, supervisors and admins");
        }
        var byCategory = cases.countBy("category", from, to);
        long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
        return new CaseCounts(total, byCategory, cases.countByMonth(from, to, props.zone()), cases.countBy("gender", from, to),
                cases.countBy("age_bracket", from, to), cases.countBy("social_status", from, to),
                cases.countBy("region", from, to), cases.countBy("status", from, to));
    }

    // --- validation ----------------------------------------------------------------------------

    private void validate(CaseDraft d) {
        var errors = new LinkedHashMap<String, String>();
        var taxonomy = cases.taxonomy();
        if (d.category() == null || d.category().isBlank()) {
            errors.put("category", "required");
        } else if (taxonomy.categories().stream().noneMatch(t -> t.code().equals(d.category()))) {
            errors.put("category", "unknown");
        }
        if (d.movement() != null && !d.movement().isBlank()
                && taxonomy.movements().stream().noneMatch(t -> t.code().equals(d.movement()))) {
            errors.put("movement", "unknown");
        }
        if (d.question() == null || d.question().isBlank()) {
            errors.put("question", "required");
        } else if (d.question().length() > QUESTION_MAX) {
            errors.put("question", "too-long");
        }
        if (d.answer() != null && d.answer().length() > QUESTION_MAX) {
            errors.put("answer", "too-long");
        }
        if (d.language() == null || d.language().isBlank()) {
            errors.put("language", "required");
        } else if (!d.language().equals("kk") && !d.language().equals("ru")) {
            errors.put("language", "unknown");
        }
        tooLong(errors, "referralNote", d.referralNote(), NOTE_MAX);
        tooLong(errors, "callPbx", d.callPbx(), 64);
        tooLong(errors, "callLinkedid", d.callLinkedid(), 64);
        tooLong(errors, "specialist", d.specialist(), 64);
        if (d.referralPartner() != null && !d.referralPartner().isBlank()
                && taxonomy.partners().stream().noneMatch(t -> t.code().equals(d.referralPartner()))) {
            errors.put("referralPartner", "unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidCase(errors);
        }
    }

    private static void tooLong(Map<String, String> errors, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            errors.put(field, "too-long");
        }
    }

    private static SearchQuery query(CaseFilter f, JdbcCaseRepository.Visibility v, int offset, int size) {
        var filters = new LinkedHashMap<String, String>();
        if (f.category() != null && !f.category().isBlank()) {
            filters.put("category", f.category());
        }
        if (f.status() != null) {
            filters.put("status", f.status().name());
        }
        return new SearchQuery(f.q(), List.of("question", "answer"), filters, v.user(),
                List.of("openedBy", "specialist"), "openedAt", f.from(), f.to(), offset, size, List.of());
    }

    /** The filter in words for the audit log; the search text only as its length and a hash (it may name a person). */
    private static String describe(CaseFilter f) {
        var q = f.q() == null || f.q().isBlank() ? "" : f.q().strip().length() + " characters, sha256 " + HexFormat.of()
                .formatHex(sha256(f.q().strip())).substring(0, 12);
        return "q=" + q + " category=" + f.category() + " status=" + f.status() + " from="
                + f.from() + " to=" + f.to();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String changes(ConsultationCase c, CaseDraft d) {
        var sb = new StringBuilder();
        if (!c.category().equals(d.category())) {
            sb.append("category ").append(c.category()).append(" → ").append(d.category()).append("; ");
        }
        if (!c.question().equals(d.question() == null ? null : d.question().strip())) {
            sb.append("question; ");
        }
        if (!Objects.equals(c.answer(), d.answer() == null || d.answer().isBlank() ? null : d.answer().strip())) {
            sb.append("answer; ");
        }
        if (!c.profile().equals(d.profile())) {
            sb.append("profile; ");
        }
        return sb.isEmpty() ? "no change" : sb.toString().strip();
    }
}
