package kz.hotline114.quality;

import java.util.Map;

/** What is wrong with a form, a sample or an evaluation, by field (a problem code each). */
public class InvalidEvaluation extends IllegalArgumentException {

    private final Map<String, String> errors;

    public InvalidEvaluation(Map<String, String> errors) {
        super("invalid: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
