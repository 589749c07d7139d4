package kz.hotline114.routing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A specialist of the line.
 *
 * @param iface    the phone as Asterisk knows it ({@code PJSIP/201}); the queue member interface
 * @param queues   the queues this specialist serves
 * @param username the console user who works at this phone, if any
 */
public record Specialist(long id, String displayName, Kind kind, List<String> languages, String iface,
                         List<String> queues, boolean active, @Nullable String username) {

    public enum Kind { PSYCHOLOGIST, THEOLOGIAN, RELIGIOUS_SCHOLAR }

    public Specialist {
        languages = List.copyOf(languages);
        queues = List.copyOf(queues);
    }
}
