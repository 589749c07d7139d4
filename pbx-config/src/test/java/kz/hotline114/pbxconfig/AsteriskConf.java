package kz.hotline114.pbxconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Asterisk {@code .conf} file, as far as the consistency test needs it.
 *
 * <p>Understands {@code [section]}, {@code [section](!)} (a template),
 * {@code [section](template1,template2)} and {@code [section](!,template)},
 * {@code key = value} and {@code key => value} (so also {@code exten => ...}),
 * {@code ;} comments (a {@code \;} is a literal semicolon) and ignores {@code #include}
 * style directives. A section name may repeat (pjsip.conf has {@code [201]} as endpoint,
 * aor and auth): every occurrence is its own {@link Section}.
 */
final class AsteriskConf {

    record Entry(String key, String value, int line) {
    }

    static final class Section {
        final String name;
        final boolean template;
        final List<String> templates;
        final int line;
        final List<Entry> own = new ArrayList<>();

        Section(String name, boolean template, List<String> templates, int line) {
            this.name = name;
            this.template = template;
            this.templates = templates;
            this.line = line;
        }

        @Override
        public String toString() {
            return "[" + name + "] (line " + line + ")";
        }
    }

    final String fileName;
    private final List<Section> sections;

    private AsteriskConf(String fileName, List<Section> sections) {
        this.fileName = fileName;
        this.sections = sections;
    }

    static AsteriskConf parse(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static AsteriskConf parse(String fileName, List<String> lines) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException(fileName + ":" + lineNo + ": unclosed section header: " + line);
                }
                String name = line.substring(1, close).strip();
                String rest = line.substring(close + 1).strip();
                boolean template = false;
                List<String> templates = new ArrayList<>();
                if (!rest.isEmpty()) {
                    if (!rest.startsWith("(") || !rest.endsWith(")")) {
                        throw new IllegalArgumentException(fileName + ":" + lineNo + ": bad section options: " + line);
                    }
                    for (String option : rest.substring(1, rest.length() - 1).split(",")) {
                        String o = option.strip();
                        if (o.equals("!")) {
                            template = true;
                        } else if (!o.isEmpty()) {
                            templates.add(o);
                        }
                    }
                }
                current = new Section(name, template, List.copyOf(templates), lineNo);
                sections.add(current);
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(fileName + ":" + lineNo + ": entry outside any section: " + line);
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(fileName + ":" + lineNo + ": not 'key = value': " + line);
            }
            boolean arrow = eq + 1 < line.length() && line.charAt(eq + 1) == '>';
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + (arrow ? 2 : 1)).strip();
            current.own.add(new Entry(key, value, lineNo));
        }
        return new AsteriskConf(fileName, List.copyOf(sections));
    }

    /** Everything before an unescaped {@code ;}; {@code \;} becomes {@code ;}. */
    static String stripComment(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ';') {
                out.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    List<Section> sections() {
        return sections;
    }

    /** Sections that are not templates ({@code (!)}). */
    List<Section> concreteSections() {
        return sections.stream().filter(s -> !s.template).toList();
    }

    List<Section> concreteSections(String name) {
        return concreteSections().stream().filter(s -> s.name.equals(name)).toList();
    }

    Optional<Section> section(String name) {
        return concreteSections(name).stream().findFirst();
    }

    Section requireSection(String name) {
        return section(name).orElseThrow(() -> new AssertionError(fileName + " has no section [" + name + "]"));
    }

    /** Entries of the section including those inherited from its templates (templates first). */
    List<Entry> entries(Section section) {
        List<Entry> all = new ArrayList<>();
        for (String templateName : section.templates) {
            Section template = sections.stream()
                    .filter(s -> s.name.equals(templateName) && s != section)
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new AssertionError(fileName + ": " + section + " uses unknown template " + templateName));
            all.addAll(entries(template));
        }
        all.addAll(section.own);
        return all;
    }

    List<String> values(Section section, String key) {
        return entries(section).stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).toList();
    }

    /** The effective value: the last one set, own entries overriding the template's. */
    Optional<String> value(Section section, String key) {
        List<String> values = values(section, key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }

    Optional<String> value(String sectionName, String key) {
        return section(sectionName).flatMap(s -> value(s, key));
    }

    /** Concrete sections whose (possibly inherited) {@code type} is the given pjsip type. */
    List<Section> ofType(String type) {
        return concreteSections().stream()
                .filter(s -> value(s, "type").map(type::equalsIgnoreCase).orElse(false))
                .toList();
    }

    /** Asterisk's ast_true(): yes, true, y, t, 1, on. */
    static boolean isTrue(String value) {
        return switch (value.strip().toLowerCase()) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }
}
