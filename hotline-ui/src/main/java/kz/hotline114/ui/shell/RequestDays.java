package kz.hotline114.ui.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/** A required day in an API request ({@code yyyy-MM-dd}): an error that names the parameter otherwise (400 JSON). */
public final class RequestDays {

    private RequestDays() {
    }

    public static LocalDate day(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date like 2026-11-30, not '" + value + "'");
        }
    }
}
