package kz.hotline114.search.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.search.SearchOutbox;

@Repository
class JdbcSearchOutbox implements SearchOutbox {

    private final JdbcTemplate jdbc;

    JdbcSearchOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String type, String id) {
        jdbc.update("insert into search_outbox (doc_type, doc_id) values (?, ?)", type, id);
    }

    @Override
    public long pending() {
        return jdbc.queryForObject("select count(*) from search_outbox", Long.class);
    }
}
