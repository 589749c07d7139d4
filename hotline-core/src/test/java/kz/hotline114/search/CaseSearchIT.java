package kz.hotline114.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.CaseFilter;
import kz.hotline114.cases.CaseSummary;
import kz.hotline114.cases.Cases;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestSearch;

/** Case search on a real Elasticsearch node, fed through the transactional outbox. */
class CaseSearchIT extends TelephonyIT {

    @Autowired
    Cases cases;
    @Autowired
    SearchIndex index;
    @Autowired
    SearchOutbox outbox;

    @BeforeEach
    void asSupervisor() throws InterruptedException {
        assumeTrue(TestSearch.running(), "no Elasticsearch distribution unpacked (run through Maven)");
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("sup", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!index.available() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(index.available()).as("the index answers").isTrue();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String open(String question, String answer, String language) {
        return cases.open(new CaseDraft(null, null, "RELIGION_QUESTION", null, question, answer, language,
                CallerProfile.UNKNOWN, null, false, null, null));
    }

    private List<String> found(String q) {
        return cases.find(new CaseFilter(q, null, null, null, null), 0, 50).items().stream().map(CaseSummary::number).toList();
    }

    private void awaitIndexed() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outbox.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void a_kazakh_and_a_russian_query_find_the_case_whose_words_they_contain_best_first() throws Exception {
        var kk = open("Жұма намазына әйелдер бара ала ма?", "Иә, мешітте әйелдерге арналған орын бар", "kk");
        var kkOther = open("Намаз уақыттары қалай анықталады?", "Күннің орнына қарай", "kk");
        var ru = open("Можно ли соблюдать пост во время болезни?", "Больному разрешено отложить пост", "ru");
        awaitIndexed();

        assertThat(index.search("case", new SearchQuery("әйелдер мешітте", List.of("question", "answer"),
                java.util.Map.of(), null, List.of(), "openedAt", null, null, 0, 10, List.of())).orElseThrow().ids())
                .first().isEqualTo(kk);
        assertThat(found("намаз")).contains(kk, kkOther).doesNotContain(ru);
        assertThat(found("пост болезни")).first().isEqualTo(ru);
        assertThat(found("пост болезни")).doesNotContain(kk, kkOther);
    }

    @Test
    void a_case_saved_while_elasticsearch_is_down_is_indexed_once_when_it_returns() throws Exception {
        String number;
        try (var outage = TestSearch.outage()) {
            number = open("Садақа кімге беріледі?", "Мұқтаж жандарға", "kk");
            cases.changeStatus(number, kz.hotline114.cases.CaseStatus.IN_PROGRESS, null);
            Thread.sleep(1_000);
            assertThat(outbox.pending()).as("waiting in the outbox").isGreaterThanOrEqualTo(2);
            // meanwhile search falls back to PostgreSQL and still finds it
            assertThat(found("садақа")).contains(number);
        }
        awaitIndexed();
        var hits = index.search("case", new SearchQuery("садақа", List.of("question", "answer"), java.util.Map.of(),
                null, List.of(), "openedAt", null, null, 0, 10, List.of("status"))).orElseThrow();
        assertThat(hits.ids()).containsOnlyOnce(number);
        assertThat(hits.aggregations().get("status")).containsEntry("IN_PROGRESS", 1L);
    }

    @Test
    void a_rebuild_from_postgresql_switches_the_alias_and_finds_the_same() throws Exception {
        var number = open("Қажылыққа қандай құжаттар керек?", "Төлқұжат және анықтама", "kk");
        awaitIndexed();
        var before = found("қажылыққа");

        long n = index.rebuild("case");

        assertThat(n).isGreaterThanOrEqualTo(1);
        assertThat(found("қажылыққа")).isEqualTo(before).contains(number);
    }

    @Test
    void a_specialist_finds_only_the_cases_she_may_see() throws Exception {
        var theirs = open("Рамазан айында жұмыс істеуге бола ма?", "Болады", "kk");
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("madina", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_SPECIALIST"))));
        var mine = cases.open(new CaseDraft(null, null, "RELIGION_QUESTION", null, "Рамазан айындағы ауыз бекіту",
                null, "kk", CallerProfile.UNKNOWN, null, false, null, null));
        awaitIndexed();
        var page = cases.find(new CaseFilter("рамазан", null, null, null, null), 0, 50);
        assertThat(page.items()).extracting(CaseSummary::number).contains(mine).doesNotContain(theirs);
        assertThat(page.total()).isEqualTo(page.items().size());
    }

    @Test
    void another_form_of_a_kazakh_word_finds_the_case_in_elasticsearch_and_without_it() throws Exception {
        var mosque = open("Балам мешітке бара ма?", "Жұма күні мешітке барады", "kk");
        var prayer = open("Кешкі намазына үлгермедім", "Қаза намазын оқыңыз", "kk");
        awaitIndexed();
        // not a prefix of each other: only a shared stem (мешіт, намаз) finds them
        assertThat(found("мешітте")).contains(mosque).doesNotContain(prayer);
        assertThat(found("намаздың")).contains(prayer).doesNotContain(mosque);
        try (var outage = TestSearch.outage()) {
            assertThat(found("мешітте")).as("PostgreSQL finds the same forms").contains(mosque).doesNotContain(prayer);
            assertThat(found("намаздың")).contains(prayer).doesNotContain(mosque);
        }
    }
}
