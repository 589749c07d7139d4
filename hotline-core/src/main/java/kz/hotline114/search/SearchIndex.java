package kz.hotline114.search;

import java.util.Optional;

/** The Elasticsearch index: a derived copy of what PostgreSQL holds, rebuildable at any time. */
public interface SearchIndex {

    /** True when the index answers. */
    boolean available();

    /** The matches, or empty when Elasticsearch is not reachable (the caller falls back to PostgreSQL). */
    Optional<SearchHits> search(String type, SearchQuery query);

    /**
     * Rebuilds the index of a type from PostgreSQL: a new index is filled, then the alias switches to it
     * in one step and the old index is dropped. @return documents indexed
     */
    long rebuild(String type);

    /** Drains the outbox now (instead of waiting for the relay); returns documents indexed. */
    int relayNow();
}
