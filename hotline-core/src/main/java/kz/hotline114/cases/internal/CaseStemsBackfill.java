package kz.hotline114.cases.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import kz.hotline114.search.KazakhWordForms;

/**
 * After start, in the background: reads the Kazakh dictionary (so the first search does not wait for it) and gives
 * the cases saved before their word stems were kept their stems, a batch at a time. Idempotent: several nodes may
 * run it at once.
 */
@Component
class CaseStemsBackfill {

    private static final Logger log = LoggerFactory.getLogger(CaseStemsBackfill.class);

    private final JdbcCaseRepository cases;
    private final KazakhWordForms forms;

    CaseStemsBackfill(JdbcCaseRepository cases, KazakhWordForms forms) {
        this.cases = cases;
        this.forms = forms;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("case-stems-backfill").start(this::run);
    }

    void run() {
        try {
            forms.warmUp();
            int total = 0;
            for (int n; (n = cases.fillMissingStems(500)) > 0; ) {
                total += n;
            }
            if (total > 0) {
                log.info("Word stems kept for {} earlier case(s): the search without Elasticsearch finds their word forms",
                        total);
            }
        } catch (RuntimeException e) {
            log.warn("Word stems of earlier cases not filled (next start tries again): {}", e.toString());
        }
    }
}
