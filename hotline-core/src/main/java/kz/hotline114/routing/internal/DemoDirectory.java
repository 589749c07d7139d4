package kz.hotline114.routing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import kz.hotline114.pbx.PbxLink;

/**
 * With the demo PBX, an empty directory is filled with the phones its recordings ring (PJSIP/201…207,
 * as the recording PBX had them), so that a user linked to one of them sees its calls on the desk.
 */
@Component
class DemoDirectory {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);
    private static final Object[][] PHONES = {
            {"Aigerim (psychologist)", "PSYCHOLOGIST", "PJSIP/201", "psychologists"},
            {"Daniyar (psychologist)", "PSYCHOLOGIST", "PJSIP/202", "psychologists"},
            {"Yerlan (theologian)", "THEOLOGIAN", "PJSIP/203", "theologians"},
            {"Olga (theologian)", "THEOLOGIAN", "PJSIP/204", "theologians"},
            {"Nurlan (religious scholar)", "RELIGIOUS_SCHOLAR", "PJSIP/205", "religious-scholars"},
            {"Madina (religious scholar)", "RELIGIOUS_SCHOLAR", "PJSIP/206", "religious-scholars"},
            {"Aliya (theologian)", "THEOLOGIAN", "PJSIP/207", "theologians"},
    };

    private final JdbcTemplate jdbc;
    private final PbxLink link;

    DemoDirectory(JdbcTemplate jdbc, PbxLink link) {
        this.jdbc = jdbc;
        this.link = link;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!link.status().demo() || jdbc.queryForObject("select count(*) from specialist", Long.class) > 0) {
            return;
        }
        for (var p : PHONES) {
            jdbc.update("""
                    insert into specialist (display_name, kind, languages, interface, queues, active)
                    values (?, ?, '{kk,ru}', ?, array[?], true) on conflict (interface) do nothing""", p);
        }
        log.info("Demo PBX: the specialist directory holds the demo's phones PJSIP/201-207; link a user to one"
                + " (Specialists screen) to see its calls on the desk");
    }
}
