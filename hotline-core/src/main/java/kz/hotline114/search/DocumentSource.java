package kz.hotline114.search;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A feature that owns documents of one type in the index (cases, …) implements this: the index
 * asks it for a document's current content when the outbox names it, and for all of them on a rebuild.
 */
public interface DocumentSource {

    /** The document type, as in {@link SearchOutbox#enqueue}. */
    String type();

    /**
     * A keyword field of this name holds the stems of the document's words ({@link KazakhWordForms}); a query's word
     * then also matches a document sharing one of its stems.
     */
    String STEMS = "stems";

    /** Field name → Elasticsearch field type ({@code text}, {@code keyword}, {@code date}, {@code boolean}). */
    Map<String, String> mapping();

    /** The document as it is in PostgreSQL now, or empty when it no longer exists. */
    Optional<Map<String, Object>> document(String id);

    /** Every document id, for a rebuild. */
    Stream<String> allIds();
}
