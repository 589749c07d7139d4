package kz.hotline114.appointments;

import java.util.Map;

/**
 * An event the {@link EventsRegister} refuses; {@link #errors()} maps each field ({@code name}, {@code city},
 * {@code participants}, {@code id}) to a stable code ({@code name.required}, {@code participants.breakdown}, ...)
 * the screens translate and show next to it.
 */
public class InvalidEvent extends IllegalArgumentException {

    private final Map<String, String> errors;

    public InvalidEvent(Map<String, String> errors) {
        super("invalid event: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
