package kz.hotline114.appointments;

import java.util.Map;

/**
 * A schedule change {@link ReceptionSchedule} refuses; {@link #errors()} maps each field ({@code length},
 * {@code slotLength}, {@code experts}, {@code placeName}, {@code reason}, {@code day}, {@code to}) to a stable
 * code ({@code slotLength.range}, {@code day.hasAppointments}, ...) the screens translate and show next to it.
 */
public class InvalidSchedule extends IllegalArgumentException {

    private final Map<String, String> errors;

    public InvalidSchedule(Map<String, String> errors) {
        super("invalid schedule change: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public static InvalidSchedule of(String field, String code) {
        return new InvalidSchedule(Map.of(field, code));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
