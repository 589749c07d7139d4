package kz.hotline114.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dictionary forms (stems) of Kazakh words, so that a search for «мешітте» finds «мешітке» and «намаздың» finds
 * «намазына». The Kazakh hunspell dictionary ({@code hunspell/kk_KZ}, Debian's {@code hunspell-kk}) read by Lucene's
 * hunspell — the code Elasticsearch's {@code hunspell} token filter runs — gives a word's roots; a word the dictionary
 * does not analyse (it lacks many possessive + case endings: «намазына») loses common endings one at a time until
 * the dictionary knows what is left. Elasticsearch (a {@code stems} keyword field) and the PostgreSQL fallback (a
 * {@code stems} array column) both store and query these, so both find the same forms.
 *
 * <p>A word nothing is known of (a Russian word, a name) is its own stem: it is still found as itself and by its
 * start, as before.
 */
@Component
public class KazakhWordForms {

    private static final Logger log = LoggerFactory.getLogger(KazakhWordForms.class);

    /**
     * Endings tried when the dictionary does not analyse a word: plural, possessive and case endings and their
     * usual combinations, longest first.
     */
    static final List<String> ENDINGS = Arrays.stream(("""
            ларыңыздың лерыңіздің ларымыздың леріміздің ларының лерінің дарының дерінің тарының терінің
            ларына леріне дарына деріне тарына теріне ларында лерінде ларынан лерінен ларымен лерімен
            ымыздың іміздің ыңыздың іңіздің ының інің сының сінің ына іне сына сіне ында інде сында сінде
            ынан інен сынан сінен ымен імен сымен сімен ын ін сын сін ымыз іміз ыңыз іңіз
            лар лер дар дер тар тер ның нің дың дің тың тің ға ге қа ке на не ды ді ты ті ны ні
            да де та те нда нде дан ден тан тен нан нен мен бен пен ша ше ым ім ың ің сы сі ы і а е н м ң
            """).trim().split("\\s+")).distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /** Shortest stem an ending may leave. */
    private static final int SHORTEST = 3;

    private volatile @Nullable Hunspell hunspell;
    private volatile boolean unavailable;
    private final ConcurrentHashMap<String, Set<String>> cache = new ConcurrentHashMap<>();

    /** The stems of one word (lower-cased); the word itself when it has none. Never empty for a non-blank word. */
    public Set<String> stems(String word) {
        var w = word.strip().toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            return Set.of();
        }
        if (cache.size() > 100_000) {
            cache.clear();
        }
        return cache.computeIfAbsent(w, this::compute);
    }

    /** The stems of every word of a text, without repeats: what a document stores. */
    public List<String> stemsOf(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var all = new LinkedHashSet<String>();
        for (var word : words(text)) {
            all.addAll(stems(word));
        }
        return List.copyOf(all);
    }

    /** A text's words as the search reads them: letters and digits, lower-cased. */
    public static List<String> words(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isBlank()).toList();
    }

    private Set<String> compute(String word) {
        var h = dictionary();
        if (h == null || word.length() < SHORTEST) {
            return Set.of(word);
        }
        var roots = roots(h, word);
        if (!roots.isEmpty()) {
            return roots;
        }
        // breadth first: the fewest endings taken off that leave a word the dictionary knows
        var queue = new ArrayDeque<String>();
        queue.add(word);
        var seen = new LinkedHashSet<String>();
        for (int depth = 0; depth < 3 && !queue.isEmpty(); depth++) {
            var next = new ArrayDeque<String>();
            var found = new LinkedHashSet<String>();
            for (var candidate : queue) {
                for (var ending : ENDINGS) {
                    if (candidate.endsWith(ending) && candidate.length() - ending.length() >= SHORTEST) {
                        var rest = candidate.substring(0, candidate.length() - ending.length());
                        if (seen.add(rest)) {
                            found.addAll(roots(h, rest));
                            next.add(rest);
                        }
                    }
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
            queue = next;
        }
        return Set.of(word);
    }

    private static Set<String> roots(Hunspell h, String word) {
        try {
            var roots = new LinkedHashSet<String>();
            for (var r : h.getRoots(word)) {
                roots.add(r.toLowerCase(Locale.ROOT));
            }
            return roots;
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /** The dictionary, read on first use (about a second); null when it cannot be read (then words are themselves). */
    private @Nullable Hunspell dictionary() {
        var h = hunspell;
        if (h != null || unavailable) {
            return h;
        }
        synchronized (this) {
            if (hunspell == null && !unavailable) {
                try (InputStream aff = resource("kk_KZ.aff"); InputStream dic = resource("kk_KZ.dic")) {
                    hunspell = new Hunspell(new Dictionary(new ByteBuffersDirectory(), "kk", aff, dic));
                } catch (IOException | java.text.ParseException | RuntimeException e) {
                    unavailable = true;
                    log.warn("The Kazakh dictionary could not be read ({}): case search finds words and their starts"
                            + " only, not other word forms", e.toString());
                }
            }
            return hunspell;
        }
    }

    private static InputStream resource(String name) throws IOException {
        var in = KazakhWordForms.class.getResourceAsStream("/hunspell/kk_KZ/" + name);
        if (in == null) {
            throw new IOException("hunspell/kk_KZ/" + name + " is not on the class path");
        }
        return in;
    }

    /** Reads the dictionary now (a background warm-up at start, so the first search does not wait for it). */
    public void warmUp() {
        try {
            stems("мешіт");
        } catch (RuntimeException e) {
            log.debug("warm-up: {}", e.toString());
        }
    }
}
