package kz.hotline114.pbxconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * extensions.conf as contexts, extensions and numbered priorities, plus a tiny
 * "walker" that follows Set/Goto the way Asterisk would, so that the test can ask
 * "where does key 1 end up?" instead of grepping for strings.
 *
 * <p>The walker only understands what the hotline dialplan uses on its straight
 * paths: {@code Set(VAR=value)} with plain {@code ${VAR}} substitution, {@code Goto}
 * with 1-3 numeric-priority arguments, and it stops at {@code Queue}, {@code Dial},
 * {@code Hangup}, {@code Return} and {@code GotoIf} (a condition it cannot evaluate).
 */
final class Dialplan {

    record App(String name, String data) {
        boolean is(String appName) {
            return name.equalsIgnoreCase(appName);
        }

        /** Arguments split on top-level commas (not inside (), {} or []). */
        List<String> args() {
            return splitTopLevel(data);
        }

        @Override
        public String toString() {
            return name + "(" + data + ")";
        }
    }

    record Priority(int number, App app, int line) {
    }

    record Step(String context, String exten, int priority, App app, App resolved) {
        @Override
        public String toString() {
            return context + "," + exten + "," + priority + ": " + resolved;
        }
    }

    record Walk(List<Step> steps, Map<String, String> variables, String end) {
        Optional<Step> last() {
            return steps.isEmpty() ? Optional.empty() : Optional.of(steps.getLast());
        }

        List<App> apps(String appName) {
            return steps.stream().map(Step::resolved).filter(a -> a.is(appName)).toList();
        }
    }

    /** context -> extension (as written, e.g. "1", "s", "_20X") -> priorities in order. */
    final Map<String, Map<String, List<Priority>>> contexts = new LinkedHashMap<>();
    final Map<String, String> globals = new LinkedHashMap<>();

    static Dialplan of(AsteriskConf conf) {
        Dialplan plan = new Dialplan();
        for (AsteriskConf.Section section : conf.concreteSections()) {
            if (section.name.equals("general")) {
                continue;
            }
            if (section.name.equals("globals")) {
                conf.entries(section).forEach(e -> plan.globals.put(e.key(), e.value()));
                continue;
            }
            Map<String, List<Priority>> extens = plan.contexts.computeIfAbsent(section.name, k -> new LinkedHashMap<>());
            String lastExten = null;
            for (AsteriskConf.Entry entry : conf.entries(section)) {
                String rest;
                String exten;
                if (entry.key().equals("exten")) {
                    int comma = entry.value().indexOf(',');
                    if (comma < 0) {
                        throw new IllegalArgumentException("extensions.conf:" + entry.line() + ": bad exten line");
                    }
                    exten = entry.value().substring(0, comma).strip();
                    rest = entry.value().substring(comma + 1);
                } else if (entry.key().equals("same")) {
                    if (lastExten == null) {
                        throw new IllegalArgumentException("extensions.conf:" + entry.line() + ": 'same' before any 'exten'");
                    }
                    exten = lastExten;
                    rest = entry.value();
                } else {
                    continue; // include, switch, ignorepat: not used by the walker
                }
                int comma = rest.indexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException("extensions.conf:" + entry.line() + ": no application: " + entry.value());
                }
                String priorityToken = rest.substring(0, comma).strip();
                String appText = rest.substring(comma + 1).strip();
                if (priorityToken.equals("hint")) {
                    continue;
                }
                List<Priority> priorities = extens.computeIfAbsent(exten, k -> new ArrayList<>());
                int number;
                if (priorityToken.equals("n") || priorityToken.startsWith("n(")) {
                    if (priorities.isEmpty()) {
                        throw new IllegalArgumentException("extensions.conf:" + entry.line() + ": priority n without a first priority");
                    }
                    number = priorities.getLast().number() + 1;
                } else {
                    number = Integer.parseInt(priorityToken.replaceAll("\\(.*\\)$", ""));
                }
                priorities.add(new Priority(number, parseApp(appText, entry.line()), entry.line()));
                lastExten = exten;
            }
        }
        return plan;
    }

    static App parseApp(String text, int line) {
        int open = text.indexOf('(');
        if (open < 0) {
            return new App(text.strip(), "");
        }
        int close = text.lastIndexOf(')');
        if (close < open) {
            throw new IllegalArgumentException("extensions.conf:" + line + ": unbalanced parentheses: " + text);
        }
        return new App(text.substring(0, open).strip(), text.substring(open + 1, close));
    }

    boolean hasContext(String context) {
        return contexts.containsKey(context);
    }

    /** All applications of the dialplan, with their context. */
    List<Map.Entry<String, App>> allApps() {
        List<Map.Entry<String, App>> all = new ArrayList<>();
        contexts.forEach((context, extens) -> extens.values()
                .forEach(priorities -> priorities.forEach(p -> all.add(Map.entry(context, p.app())))));
        return all;
    }

    /**
     * The extension of {@code context} that Asterisk would run for the dialled
     * {@code exten}: an exact match first, else every matching pattern in file order.
     */
    List<String> matchingExtens(String context, String exten) {
        Map<String, List<Priority>> extens = contexts.getOrDefault(context, Map.of());
        if (extens.containsKey(exten) && !exten.startsWith("_")) {
            return List.of(exten);
        }
        return extens.keySet().stream()
                .filter(e -> e.startsWith("_") && patternRegex(e).matcher(exten).matches())
                .toList();
    }

    Optional<App> app(String context, String extenAsWritten, int priority) {
        return contexts.getOrDefault(context, Map.of()).getOrDefault(extenAsWritten, List.of()).stream()
                .filter(p -> p.number() == priority)
                .map(Priority::app)
                .findFirst();
    }

    /** Asterisk extension pattern (with leading "_") as a Java regex. */
    static Pattern patternRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        String p = pattern.substring(1);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (Character.toUpperCase(c)) {
                case 'X' -> regex.append("[0-9]");
                case 'Z' -> regex.append("[1-9]");
                case 'N' -> regex.append("[2-9]");
                case '.' -> regex.append(".+");
                case '!' -> regex.append(".*");
                case '[' -> {
                    int close = p.indexOf(']', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed [ in pattern " + pattern);
                    }
                    StringBuilder set = new StringBuilder("[");
                    for (char s : p.substring(i + 1, close).toCharArray()) {
                        // "-" keeps its range meaning; characters special inside a Java class are escaped
                        set.append("\\[]^&".indexOf(s) >= 0 ? "\\" + s : String.valueOf(s));
                    }
                    regex.append(set).append(']');
                    i = close;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Follows the dialplan from {@code context,exten,1} with the given channel variables
     * ([globals] are added), as far as it can without evaluating conditions.
     */
    Walk walk(String context, String exten, Map<String, String> channelVariables) {
        Map<String, String> vars = new LinkedHashMap<>(globals);
        vars.putAll(channelVariables);
        List<Step> steps = new ArrayList<>();
        String ctx = context;
        String dialled = exten;
        int priority = 1;
        for (int guard = 0; guard < 200; guard++) {
            List<String> candidates = matchingExtens(ctx, dialled);
            if (candidates.isEmpty()) {
                return new Walk(steps, vars, "no extension " + dialled + " in context " + ctx);
            }
            String written = candidates.getFirst();
            Optional<App> maybeApp = app(ctx, written, priority);
            if (maybeApp.isEmpty()) {
                return new Walk(steps, vars, "fell off " + ctx + "," + dialled + " at priority " + priority);
            }
            App app = maybeApp.get();
            vars.put("EXTEN", dialled);
            vars.put("CONTEXT", ctx);
            App resolved = new App(app.name(), substitute(app.data(), vars));
            steps.add(new Step(ctx, dialled, priority, app, resolved));
            switch (app.name().toLowerCase()) {
                case "set" -> {
                    int eq = resolved.data().indexOf('=');
                    String name = resolved.data().substring(0, eq).strip().replaceFirst("^_+", "");
                    vars.put(name, resolved.data().substring(eq + 1));
                    priority++;
                }
                case "goto" -> {
                    List<String> args = resolved.args();
                    switch (args.size()) {
                        case 1 -> priority = Integer.parseInt(args.get(0).strip());
                        case 2 -> {
                            dialled = args.get(0).strip();
                            priority = Integer.parseInt(args.get(1).strip());
                        }
                        case 3 -> {
                            ctx = args.get(0).strip();
                            dialled = args.get(1).strip();
                            priority = Integer.parseInt(args.get(2).strip());
                        }
                        default -> {
                            return new Walk(steps, vars, "Goto with " + args.size() + " arguments");
                        }
                    }
                }
                case "queue", "dial", "hangup", "return", "gotoif" -> {
                    return new Walk(steps, vars, app.name());
                }
                default -> priority++;
            }
        }
        return new Walk(steps, vars, "more than 200 steps (a loop?)");
    }

    private static final Pattern SIMPLE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    /** Replaces plain ${NAME} whose value is known; leaves everything else as written. */
    static String substitute(String text, Map<String, String> vars) {
        Matcher m = SIMPLE_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A regex matching what Asterisk shows as AppData (after substitution) for an
     * application written as {@code template}: every ${...} and $[...] may become anything.
     */
    static Pattern appDataRegex(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && (template.charAt(i + 1) == '{' || template.charAt(i + 1) == '[')) {
                char open = template.charAt(i + 1);
                char close = open == '{' ? '}' : ']';
                int depth = 0;
                int j = i + 1;
                for (; j < template.length(); j++) {
                    char d = template.charAt(j);
                    if (d == open) {
                        depth++;
                    } else if (d == close && --depth == 0) {
                        break;
                    }
                }
                if (j >= template.length()) {
                    throw new IllegalArgumentException("unbalanced " + open + " in " + template);
                }
                regex.append("(.*?)");
                i = j + 1;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Splits on commas that are not inside (), {} or []. */
    static List<String> splitTopLevel(String data) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : data.toCharArray()) {
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /**
     * The body of {@code UserEvent(Name,Key: value,Key2: value)} as header names in order.
     */
    static List<String> userEventHeaders(App userEvent) {
        List<String> args = userEvent.args();
        List<String> headers = new ArrayList<>();
        for (String field : args.subList(1, args.size())) {
            int colon = field.indexOf(':');
            headers.add((colon < 0 ? field : field.substring(0, colon)).strip());
        }
        return headers;
    }

    /** Header name -> value of a resolved UserEvent body. */
    static Map<String, String> userEventFields(App userEvent) {
        List<String> args = userEvent.args();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : args.subList(1, args.size())) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                fields.put(field.substring(0, colon).strip(), field.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
