package kz.hotline114.reports;

import java.util.Map;

/** Input a report, a project or an export refuses; {@code errors} maps each field to a problem code. */
public class InvalidReport extends IllegalArgumentException {

    private final Map<String, String> errors;

    public InvalidReport(Map<String, String> errors) {
        super("invalid: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
