package kz.hotline114.appointments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The events register: the centre's events as the grant report lists them. */
public interface EventsRegister {

    /** Stores a new event (its id is ignored) and returns it with its id; invalid input throws {@link InvalidEvent}. */
    CentreEvent register(CentreEvent event);

    /** Replaces an event's fields and breakdown. @throws InvalidEvent */
    CentreEvent update(CentreEvent event);

    Optional<CentreEvent> get(long id);

    /** Events held from {@code from} to {@code to}, both inclusive, by date. */
    List<CentreEvent> between(LocalDate from, LocalDate to);
}
