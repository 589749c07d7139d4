package kz.hotline114.appointments;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An expert of the pool: a hotline specialist or an external expert (professor, theologian, psychologist,
 * imam, priest). The contact is for staff only: {@link #withoutContact()} is what others get.
 */
public record Expert(long id, String fullName, ExpertKind kind, String title, @Nullable String organisation,
                     List<String> languages, @Nullable String contact, boolean hotlineStaff, boolean active) {

    public Expert {
        languages = List.copyOf(languages);
    }

    public Expert withoutContact() {
        return new Expert(id, fullName, kind, title, organisation, languages, null, hotlineStaff, active);
    }
}
