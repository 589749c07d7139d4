package kz.hotline114.search;

/**
 * The transactional outbox of the search index. A feature calls {@link #enqueue} inside the
 * transaction that changes a document, so the index learns of the change if and only if it commits;
 * the outbox is drained into Elasticsearch when it is reachable (nothing lost while it is down).
 */
public interface SearchOutbox {

    /** Marks the document {@code type}/{@code id} for (re)indexing. Must run inside the changing transaction. */
    void enqueue(String type, String id);

    /** Documents waiting to be indexed. */
    long pending();
}
