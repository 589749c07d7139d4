package kz.hotline114.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The IVR menu the dialplan implements ({@code ivr-menu.properties}; pbx-config's consistency
 * test checks the dialplan against the same file): key → queue, and the wrong-number key.
 */
public record IvrMenu(Map<String, String> queuesByKey, String wrongNumberKey) {

    public static IvrMenu load() {
        var p = new Properties();
        try (InputStream in = IvrMenu.class.getResourceAsStream("/kz/hotline114/calls/ivr-menu.properties")) {
            if (in == null) {
                throw new IllegalStateException("ivr-menu.properties missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var queues = new TreeMap<String, String>();
        p.stringPropertyNames().stream().filter(k -> k.matches("\\d")).forEach(k -> queues.put(k, p.getProperty(k).strip()));
        return new IvrMenu(Map.copyOf(queues), p.getProperty("wrong-number", "0").strip());
    }

    /** The queues in the order of their keys (1, 2, 3): the one list of queues every screen offers. */
    public List<String> queues() {
        return new TreeMap<>(queuesByKey).values().stream().toList();
    }

    /** True for a key the menu answers (a queue or the wrong-number key). */
    public boolean offers(String key) {
        return queuesByKey.containsKey(key) || wrongNumberKey.equals(key);
    }
}
