package kz.hotline114.appointments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import kz.hotline114.shared.Region;

/**
 * The centres with their rooms and the expert pool. Expert contacts are given to staff (operator, specialist,
 * supervisor, admin) only; everyone else gets the experts without them.
 */
public interface ExpertPool {

    List<Centre> centres();

    Optional<Centre> centre(long id);

    /** Active experts first, by name. */
    List<Expert> experts();

    Optional<Expert> expert(long id);

    Centre addCentre(String name, String address, String city, Region region, @Nullable LocalDate openedOn);

    Room addRoom(long centreId, String name);

    Expert addExpert(NewExpert expert);
}
