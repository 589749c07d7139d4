package kz.hotline114.search.internal;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

import kz.hotline114.search.DocumentSource;
import kz.hotline114.search.KazakhWordForms;
import kz.hotline114.search.LocalElasticsearchNode;
import kz.hotline114.search.SearchHits;
import kz.hotline114.search.SearchIndex;
import kz.hotline114.search.SearchProperties;
import kz.hotline114.search.SearchQuery;
import kz.hotline114.shared.HotlineProperties;

/**
 * The index in Elasticsearch: one alias per document type ({@code <prefix>-<type>}) pointing at a
 * concrete index; the outbox relay keeps it current, a rebuild fills a new index and switches the
 * alias. Uses only what the integ-test distribution supports (standard analyzer, keyword, date, terms).
 */
@Service
class ElasticsearchSearchIndex implements SearchIndex, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSearchIndex.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final SearchProperties props;
    private final HotlineProperties hotline;
    private final Map<String, DocumentSource> sources = new HashMap<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile @Nullable ElasticsearchClient client;
    private @Nullable Rest5Client rest;
    private @Nullable LocalElasticsearchNode node;
    private @Nullable Thread relay;
    private volatile boolean reachable;
    private long lastFailureLog;

    private final Clock clock;

    private final KazakhWordForms forms;

    ElasticsearchSearchIndex(SearchProperties props, HotlineProperties hotline, List<DocumentSource> sources,
                             JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, KazakhWordForms forms) {
        this.clock = clock;
        this.forms = forms;
        this.props = props;
        this.hotline = hotline;
        sources.forEach(s -> this.sources.put(s.type(), s));
        this.jdbc = jdbc;
        this.tx = tx;
    }

    // --- lifecycle ---------------------------------------------------------------------------

    @Override
    public void start() {
        running.set(true);
        relay = Thread.ofVirtual().name("search-outbox-relay").start(this::relayLoop);
    }

    private void connect() {
        var url = props.url();
        if (url == null || url.isBlank()) {
            var home = distribution(props.home(), System.getProperty("java.class.path", ""));
            if (home == null) {
                if (!reachable && lastFailureLog == 0) {
                    lastFailureLog = System.nanoTime();
                    log.warn("No Elasticsearch configured (hotline.elasticsearch.url) and no local distribution at {}:"
                            + " case search uses PostgreSQL's full text", props.home());
                }
                return;
            }
            node = LocalElasticsearchNode.start(home.toAbsolutePath(), nodeDataDir(), props.heap(),
                    props.indexPrefix() + "*");
            url = node.url();
        }
        // one URL, or the cluster's nodes separated by commas: the client spreads requests and skips a dead node
        var builder = Rest5Client.builder(java.util.Arrays.stream(url.split(",")).map(String::strip)
                .filter(u -> !u.isEmpty()).map(URI::create).toList());
        var credentials = node != null ? node.credentials() : props.credentials();
        if (credentials != null) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", credentials.basicHeader())});
        }
        rest = builder.build();
        client = new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
        log.info("Search index at {}", url);
    }

    /**
     * Where the local node's distribution is: the configured path as given (from the working directory), or, when
     * relative and not there, beside the application's jar ({@code hotline-ui/target/elasticsearch/…} is found whether
     * {@code java -jar} runs from the repository root or from {@code target/}); null when neither has it.
     */
    static @Nullable Path distribution(@Nullable Path configured, String classPath) {
        if (configured == null || configured.toString().isBlank()) {
            return null;
        }
        var candidates = new ArrayList<Path>();
        candidates.add(configured);
        if (!configured.isAbsolute()) {
            for (var entry : classPath.split(File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    var dir = Path.of(entry).toAbsolutePath().getParent();
                    if (dir != null) {
                        candidates.add(dir.resolve("elasticsearch").resolve(configured.getFileName()));
                    }
                }
            }
        }
        return candidates.stream().filter(h -> Files.isExecutable(h.resolve("bin/elasticsearch")))
                .map(h -> h.toAbsolutePath().normalize()).findFirst().orElse(null);
    }

    /**
     * The local node's data: under the data dir, unless the app runs as root, when Elasticsearch (which
     * runs as an unprivileged user) may not reach into root's home; the index is derived from PostgreSQL
     * and rebuilt when missing, so a temporary directory is acceptable then.
     */
    private Path nodeDataDir() {
        var preferred = hotline.dataDir().resolve("elasticsearch");
        if (!"root".equals(System.getProperty("user.name"))) {
            return preferred;
        }
        return Path.of(System.getProperty("java.io.tmpdir"),
                "hotline114-elasticsearch-" + Integer.toHexString(preferred.toAbsolutePath().toString().hashCode()));
    }

    /** Counted down when the application is ready: a local node starts only then, off the start's critical path. */
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

    @org.springframework.context.event.EventListener
    void on(org.springframework.boot.context.event.ApplicationReadyEvent e) {
        ready.countDown();
    }

    private void relayLoop() {
        try {
            if (props.url() == null || props.url().isBlank()) {
                // a local node's JVM takes both cores for seconds: not while the application itself starts (issue 21);
                // case search uses PostgreSQL's full text until it is up
                ready.await(2, java.util.concurrent.TimeUnit.MINUTES);
                Thread.sleep(props.startDelay().toMillis());
            }
            connect();
        } catch (RuntimeException e) {
            log.error("Could not start Elasticsearch; case search uses PostgreSQL's full text", e);
        } catch (InterruptedException e) {
            return;
        }
        if (client == null) {
            return;
        }
        for (var type : sources.keySet()) {
            try {
                ensureAlias(type);
            } catch (IOException | RuntimeException e) {
                failure("preparing the index of " + type, e);
            }
        }
        while (running.get()) {
            try {
                probeWhenUnreachable();
                relayNow();
                Thread.sleep(props.relayInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure("relaying the search outbox", e);
                try {
                    Thread.sleep(Math.max(2_000, props.relayInterval().toMillis()));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running.set(false);
        if (relay != null) {
            relay.interrupt();
        }
        try {
            if (rest != null) {
                rest.close();
            }
        } catch (IOException e) {
            log.debug("closing the Elasticsearch client", e);
        }
        if (node != null) {
            node.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /**
     * After a failed search or write, searches go to PostgreSQL until Elasticsearch is seen to answer again: with
     * changes waiting, the relay's next write shows it; with none (only searches failed), a ping does — without it a
     * single failed search left case search on PostgreSQL until the next case was saved.
     */
    private void probeWhenUnreachable() {
        if (reachable || client == null) {
            return;
        }
        try {
            for (var type : sources.keySet()) { // a count: what a search needs (ping's HEAD / is refused by some)
                client().count(c -> c.index(alias(type)));
            }
            reachable = true;
        } catch (IOException | RuntimeException e) {
            failure("checking that it answers", e);
        }
    }

    private void failure(String what, Exception e) {
        reachable = false;
        long now = System.nanoTime();
        if (now - lastFailureLog > 60_000_000_000L) {
            lastFailureLog = now;
            log.warn("Elasticsearch unavailable while {}: {} (changes wait in the outbox)", what, e.toString());
        }
    }

    // --- index management -------------------------------------------------------------------

    private String alias(String type) {
        return props.indexPrefix() + "-" + type;
    }

    private void ensureAlias(String type) throws IOException {
        var es = client();
        if (!es.indices().existsAlias(a -> a.name(alias(type))).value()) {
            var index = createIndex(type);
            es.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(index).alias(alias(type)))));
            // a fresh index: everything in PostgreSQL goes in
            rebuildInto(type, index);
        } else if (!mapped(type).containsAll(sources.get(type).mapping().keySet())) {
            // a field added since the index was made (the word stems): a new index with it, built from PostgreSQL
            log.info("The {} index lacks fields the application now stores: rebuilding it", type);
            rebuild(type);
        }
        reachable = true;
    }

    /** The fields the alias's index maps now. */
    private Set<String> mapped(String type) throws IOException {
        var fields = new HashSet<String>();
        client().indices().getMapping(g -> g.index(alias(type))).mappings()
                .forEach((index, m) -> fields.addAll(m.mappings().properties().keySet()));
        return fields;
    }

    private String createIndex(String type) throws IOException {
        var index = alias(type) + "-" + STAMP.format(clock.instant());
        var properties = new LinkedHashMap<String, Property>();
        sources.get(type).mapping().forEach((field, kind) -> properties.put(field, switch (kind) {
            case "text" -> Property.of(p -> p.text(t -> t.analyzer("standard")));
            case "date" -> Property.of(p -> p.date(d -> d));
            case "boolean" -> Property.of(p -> p.boolean_(b -> b));
            default -> Property.of(p -> p.keyword(k -> k));
        }));
        client().indices().create(c -> c.index(index).mappings(m -> m.properties(properties))
                .settings(s -> s.numberOfShards("1").numberOfReplicas("0")));
        return index;
    }

    @Override
    public long rebuild(String type) {
        try {
            var es = client();
            var index = createIndex(type);
            long n = rebuildInto(type, index);
            var old = es.indices().existsAlias(a -> a.name(alias(type))).value()
                    ? new ArrayList<>(es.indices().getAlias(g -> g.name(alias(type))).aliases().keySet()) : List.<String>of();
            es.indices().updateAliases(u -> {
                u.actions(a -> a.add(x -> x.index(index).alias(alias(type))));
                old.forEach(o -> u.actions(a -> a.remove(x -> x.index(o).alias(alias(type)))));
                return u;
            });
            for (var o : old) {
                es.indices().delete(d -> d.index(o));
            }
            log.info("Rebuilt the {} index from PostgreSQL: {} documents in {}", type, n, index);
            return n;
        } catch (IOException e) {
            throw new IllegalStateException("rebuild of the " + type + " index failed: " + e.getMessage(), e);
        }
    }

    private long rebuildInto(String type, String index) throws IOException {
        var source = sources.get(type);
        long n = 0;
        var batch = new ArrayList<BulkOperation>();
        for (var id : (Iterable<String>) source.allIds()::iterator) {
            var doc = source.document(id);
            if (doc.isPresent()) {
                batch.add(BulkOperation.of(o -> o.index(i -> i.id(id).document(doc.get()))));
                n++;
            }
            if (batch.size() == 500) {
                bulk(index, batch);
                batch.clear();
            }
        }
        bulk(index, batch);
        client().indices().refresh(r -> r.index(index));
        return n;
    }

    private void bulk(String index, List<BulkOperation> ops) throws IOException {
        if (ops.isEmpty()) {
            return;
        }
        var response = client().bulk(b -> b.index(index).operations(ops));
        if (response.errors()) {
            var first = response.items().stream().filter(i -> i.error() != null).findFirst()
                    .map(i -> i.error().reason()).orElse("?");
            throw new IllegalStateException("Elasticsearch refused documents: " + first);
        }
    }

    // --- outbox relay -------------------------------------------------------------------------

    @Override
    public int relayNow() {
        if (client == null) {
            return 0;
        }
        Integer n = tx.execute(status -> {
            var rows = jdbc.query("select id, doc_type, doc_id from search_outbox order by id limit 500 for update skip locked",
                    (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            if (rows.isEmpty()) {
                return 0;
            }
            // one operation per document, with its current content: a document named twice is indexed once
            var byType = new LinkedHashMap<String, LinkedHashSet<String>>();
            for (var r : rows) {
                byType.computeIfAbsent(r[1], k -> new LinkedHashSet<>()).add(r[2]);
            }
            int indexed = 0;
            try {
                for (var e : byType.entrySet()) {
                    var source = sources.get(e.getKey());
                    if (source == null) {
                        continue;
                    }
                    var ops = new ArrayList<BulkOperation>();
                    for (var id : e.getValue()) {
                        var doc = source.document(id);
                        ops.add(doc.isPresent() ? BulkOperation.of(o -> o.index(i -> i.id(id).document(doc.get())))
                                : BulkOperation.of(o -> o.delete(d -> d.id(id))));
                    }
                    bulk(alias(e.getKey()), ops);
                    client().indices().refresh(r -> r.index(alias(e.getKey())));
                    indexed += ops.size();
                }
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            jdbc.update("delete from search_outbox where id = any(?)", ps -> ps.setArray(1,
                    ps.getConnection().createArrayOf("bigint", rows.stream().map(r -> Long.valueOf(r[0])).toArray())));
            reachable = true;
            return indexed;
        });
        return n == null ? 0 : n;
    }

    // --- queries ------------------------------------------------------------------------------

    @Override
    public boolean available() {
        return client != null && reachable;
    }

    @Override
    public Optional<SearchHits> search(String type, SearchQuery q) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            var filters = new ArrayList<Query>();
            q.filters().forEach((field, value) -> filters.add(Query.of(f -> f.term(t -> t.field(field).value(FieldValue.of(value))))));
            if (q.visibleTo() != null) {
                filters.add(Query.of(f -> f.bool(b -> {
                    q.visibilityFields().forEach(field -> b.should(s -> s.term(t -> t.field(field).value(FieldValue.of(q.visibleTo())))));
                    return b.minimumShouldMatch("1");
                })));
            }
            if (q.from() != null || q.to() != null) {
                filters.add(Query.of(f -> f.range(r -> r.date(d -> {
                    d.field(q.dateField());
                    if (q.from() != null) {
                        d.gte(q.from().toString());
                    }
                    if (q.to() != null) {
                        d.lt(q.to().toString());
                    }
                    return d;
                }))));
            }
            boolean stemmed = "keyword".equals(sources.get(type).mapping().get(DocumentSource.STEMS));
            var response = client().search(s -> {
                s.index(alias(type)).from(q.offset()).size(q.size()).trackTotalHits(t -> t.enabled(true))
                        .query(query -> query.bool(b -> {
                            // every word must occur in some text field, as a word or as the start of one: Kazakh
                            // adds suffixes (намаз → намазына) and the standard analyzer does not stem
                            for (var word : words(q.text())) {
                                b.must(m -> m.bool(w -> {
                                    for (var field : q.textFields()) {
                                        w.should(x -> x.match(t -> t.field(field).query(word).boost(2f)));
                                        if (word.length() >= 3) {
                                            w.should(x -> x.prefix(t -> t.field(field).value(word)));
                                        }
                                    }
                                    if (stemmed) { // another form of the word: a stem in common
                                        var stems = forms.stems(word).stream().map(FieldValue::of).toList();
                                        w.should(x -> x.terms(t -> t.field(DocumentSource.STEMS).terms(v -> v.value(stems))));
                                    }
                                    return w.minimumShouldMatch("1");
                                }));
                            }
                            return b.filter(filters);
                        }));
                if (q.text() == null || q.text().isBlank()) {
                    s.sort(o -> o.field(f -> f.field(q.dateField()).order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)));
                }
                q.aggregations().forEach(field -> s.aggregations(field, a -> a.terms(t -> t.field(field).size(200))));
                return s;
            }, Map.class);
            var ids = response.hits().hits().stream().map(h -> h.id()).toList();
            var aggregations = new LinkedHashMap<String, Map<String, Long>>();
            response.aggregations().forEach((name, agg) -> {
                var counts = new LinkedHashMap<String, Long>();
                agg.sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
                aggregations.put(name, counts);
            });
            long total = response.hits().total() == null ? ids.size() : response.hits().total().value();
            return Optional.of(new SearchHits(total, ids, aggregations));
        } catch (IOException | RuntimeException e) {
            failure("searching " + type, e);
            return Optional.empty();
        }
    }

    /** The query's words, lower-cased as the standard analyzer indexes them. */
    static List<String> words(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isBlank()).distinct().limit(20).toList();
    }

    private ElasticsearchClient client() {
        var c = client;
        if (c == null) {
            throw new IllegalStateException("no Elasticsearch");
        }
        return c;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
