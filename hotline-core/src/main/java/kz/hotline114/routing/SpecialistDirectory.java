package kz.hotline114.routing;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Who answers which queue on which phone. */
public interface SpecialistDirectory {

    List<Specialist> all();

    /** The specialist the signed-in console user works as. */
    Optional<Specialist> ofUser(String username);

    /** Adds or changes a specialist (by interface). Admins and supervisors only. */
    Specialist save(String displayName, Specialist.Kind kind, List<String> languages, String iface, List<String> queues,
                    boolean active, @Nullable String username);
}
