package kz.hotline114.risk;

import java.util.Map;

/** What is wrong with a flag, a follow-up's closing or a category, by field (a problem code each). */
public class InvalidRisk extends IllegalArgumentException {

    private final Map<String, String> errors;

    public InvalidRisk(Map<String, String> errors) {
        super("invalid: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
