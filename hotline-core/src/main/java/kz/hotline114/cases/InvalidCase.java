package kz.hotline114.cases;

import java.util.Map;

/**
 * The draft cannot be saved; {@link #fieldErrors()} maps each bad field to an error code
 * ({@code required}, {@code unknown}, {@code too-long}, {@code not-allowed}), shown next to the field.
 */
public class InvalidCase extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final Map<String, String> fieldErrors;

    public InvalidCase(Map<String, String> fieldErrors) {
        super("invalid case: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
