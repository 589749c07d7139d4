package kz.hotline114.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An evaluation form: sections of criteria, each with a weight and a scale (0..scale points); a critical criterion is
 * pass/fail (scale 1) and failing it fails the whole evaluation. Every change is a new version; an evaluation keeps
 * the version it was scored on. Texts in Kazakh and Russian.
 *
 * @param id 0 for a form not stored yet
 */
public record EvaluationForm(long id, int version, String nameKk, String nameRu, List<Section> sections) {

    public EvaluationForm {
        nameKk = nameKk == null ? "" : nameKk; // a form sent over REST may leave a text out: said by problems()
        nameRu = nameRu == null ? "" : nameRu;
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public record Section(String titleKk, String titleRu, List<Criterion> criteria) {
        public Section {
            titleKk = titleKk == null ? "" : titleKk;
            titleRu = titleRu == null ? "" : titleRu;
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }

        public String title(Locale language) {
            return "ru".equals(language.getLanguage()) ? titleRu : titleKk;
        }
    }

    public record Criterion(String code, String textKk, String textRu, int weight, int scale, boolean critical) {
        public Criterion {
            code = code == null ? "" : code;
            textKk = textKk == null ? "" : textKk;
            textRu = textRu == null ? "" : textRu;
        }

        public String text(Locale language) {
            return "ru".equals(language.getLanguage()) ? textRu : textKk;
        }
    }

    public String name(Locale language) {
        return "ru".equals(language.getLanguage()) ? nameRu : nameKk;
    }

    public List<Criterion> criteria() {
        return sections.stream().flatMap(s -> s.criteria().stream()).toList();
    }

    /** What is wrong with the form, by field ({@code name}, {@code sections}, {@code <code>.weight} …); empty if none. */
    public Map<String, String> problems() {
        var errors = new LinkedHashMap<String, String>();
        if (nameKk.isBlank() || nameRu.isBlank()) {
            errors.put("name", "required");
        }
        if (sections.isEmpty() || criteria().isEmpty()) {
            errors.put("sections", "required");
        }
        var codes = new HashSet<String>();
        for (var s : sections) {
            if (s.titleKk().isBlank() || s.titleRu().isBlank()) {
                errors.put("sections", "title-required");
            }
            for (var c : s.criteria()) {
                if (!c.code().matches("[A-Z][A-Z0-9_]{0,39}") || !codes.add(c.code())) {
                    errors.put(c.code() + ".code", "duplicate-or-invalid");
                }
                if (c.textKk().isBlank() || c.textRu().isBlank()) {
                    errors.put(c.code() + ".text", "required");
                }
                if (c.weight() < 1 || c.weight() > 10) {
                    errors.put(c.code() + ".weight", "between-1-and-10");
                }
                if (c.scale() < 1 || c.scale() > 10 || c.critical() && c.scale() != 1) {
                    errors.put(c.code() + ".scale", c.critical() ? "critical-is-pass-fail" : "between-1-and-10");
                }
            }
        }
        return errors;
    }

    /** The result of scoring a call against this form. */
    public record Score(double totalPercent, boolean criticalFailed, List<String> failedCritical) {
    }

    /**
     * Scores: every criterion needs points in {@code 0..scale} (a critical one 1 = pass, 0 = fail). The total is the
     * weighted share of the points, in percent with one decimal: Σ weight × points / scale ÷ Σ weight; a failed
     * critical criterion fails the evaluation and its total is 0.
     *
     * @throws IllegalArgumentException naming the criterion without points or with points out of its scale
     */
    public Score score(Map<String, Integer> points) {
        double weighted = 0;
        int weights = 0;
        var failed = new ArrayList<String>();
        for (var c : criteria()) {
            Integer p = points.get(c.code());
            if (p == null || p < 0 || p > c.scale()) {
                throw new IllegalArgumentException(c.code() + ": 0.." + c.scale() + " points, not " + p);
            }
            if (c.critical()) {
                if (p == 0) {
                    failed.add(c.code());
                }
                continue;
            }
            weighted += c.weight() * (double) p / c.scale();
            weights += c.weight();
        }
        for (var code : points.keySet()) {
            if (criteria().stream().noneMatch(c -> c.code().equals(code))) {
                throw new IllegalArgumentException(code + ": not a criterion of form version " + version);
            }
        }
        double total = failed.isEmpty() && weights > 0 ? Math.round(weighted / weights * 1000) / 10.0 : 0;
        return new Score(total, !failed.isEmpty(), failed);
    }
}
