package kz.hotline114.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestClock;

/** The Q&A collection: questions and answers by category, anonymised, as a real DOCX. */
class QaCollectionIT extends TelephonyIT {

    @Autowired
    Cases cases;
    @Autowired
    QaCollection qa;

    static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        TestClock.reset();
    }

    @Test
    void questions_and_answers_come_out_by_category_without_numbers_or_contacts() throws Exception {
        as("sup", "SUPERVISOR");
        // a moment of no other test: a case another test opened a second ago is not in this collection
        TestClock.pin("1993-02-10T10:00:00");
        var from = TestClock.now().minusSeconds(1);
        var n1 = cases.open(new CaseDraft(null, null, "RELIGION_QUESTION", null, "Ата-ананың рұқсатынсыз некеге тұруға бола ма?",
                "Шариғатта ата-ана ризашылығы маңызды; толығырақ +7 701 111 22 33 нөміріне хабарласыңыз", "kk",
                CallerProfile.UNKNOWN, null, false, null, null));
        var n2 = cases.open(new CaseDraft(null, null, "PSYCHOLOGICAL_SUPPORT", null, "Жалғыздық сезімінен қалай арылуға болады?",
                "Психологпен кездесуге жазылу ұсынылды: centre@example.kz", "kk", CallerProfile.UNKNOWN, null, false, null, null));
        cases.open(new CaseDraft(null, null, "OTHER", null, "Жауапсыз сұрақ", null, "kk", CallerProfile.UNKNOWN, null,
                false, null, null));

        var bytes = qa.docx(from, TestClock.now().plusSeconds(1), "kk");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "qa-collection.docx"), bytes);

        try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var text = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            var all = String.join("\n", text);
            assertThat(text.getFirst()).isEqualTo("«Қауырт желі-114» қызметіне түскен сұрақтар мен берілген жауаптар");
            assertThat(all).contains("1. Дін туралы сұрақ (1)").contains("2. Психологиялық қолдау (1)")
                    .contains("Сұрақ: Ата-ананың рұқсатынсыз некеге тұруға бола ма?")
                    .contains("Жауап: Психологпен кездесуге жазылу ұсынылды: […]")
                    .doesNotContain("701").doesNotContain("@example").doesNotContain(n1).doesNotContain(n2)
                    .doesNotContain("Жауапсыз сұрақ");
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).count()).isEqualTo(2);
        }
    }

    @Test
    void specialists_and_operators_cannot_export_it() {
        as("op", "OPERATOR");
        assertThatThrownBy(() -> qa.docx(Instant.EPOCH, TestClock.now(), "kk")).isInstanceOf(AccessDeniedException.class);
    }
}
