package kz.hotline114.appointments;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.SocialStatus;

/**
 * A line of the report's events table (seed 004): what, when, where, how many and who took part, the
 * experts involved, how completely the planned activity was done, the supporting documents, the grant
 * activity it belongs to, and the participants by gender, age bracket and social status (seed 001). Each
 * breakdown sums to at most {@code participants}.
 *
 * @param activityLabel  the activity as free text: the fallback for an event of no grant project
 * @param grantProjectId the grant project (reports feature) whose activity the event carries out, or null
 * @param grantActivity  that activity's key in the project, {@code "1.2"} = task 1, activity 2 (keys, not ids:
 *                       a project's tree is replaced when it is saved); null when no project is named
 */
public record CentreEvent(long id, @Nullable Long centreId, String name, LocalDate heldOn, String city,
                          @Nullable String address, @Nullable String room, int participants,
                          @Nullable String participantCategories, @Nullable String experts,
                          @Nullable String completeness, @Nullable String documents, @Nullable String activityLabel,
                          Map<Gender, Integer> byGender, Map<AgeBracket, Integer> byAge,
                          Map<SocialStatus, Integer> bySocialStatus, @Nullable Long grantProjectId,
                          @Nullable String grantActivity) {

    public CentreEvent {
        byGender = copy(byGender, Gender.class);
        byAge = copy(byAge, AgeBracket.class);
        bySocialStatus = copy(bySocialStatus, SocialStatus.class);
    }

    /** An event linked to no grant-project activity (at most a free {@code activityLabel}). */
    public CentreEvent(long id, @Nullable Long centreId, String name, LocalDate heldOn, String city,
                       @Nullable String address, @Nullable String room, int participants,
                       @Nullable String participantCategories, @Nullable String experts, @Nullable String completeness,
                       @Nullable String documents, @Nullable String activityLabel, Map<Gender, Integer> byGender,
                       Map<AgeBracket, Integer> byAge, Map<SocialStatus, Integer> bySocialStatus) {
        this(id, centreId, name, heldOn, city, address, room, participants, participantCategories, experts, completeness,
                documents, activityLabel, byGender, byAge, bySocialStatus, null, null);
    }

    private static <E extends Enum<E>> Map<E, Integer> copy(Map<E, Integer> m, Class<E> type) {
        var copy = new EnumMap<E, Integer>(type);
        m.forEach((k, v) -> {
            if (v != null && v > 0) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
