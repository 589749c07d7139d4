package kz.hotline114.cases;

import org.jspecify.annotations.Nullable;

/**
 * What a user enters to open or edit a case. Codes ({@code category}, {@code movement},
 * {@code referralPartner}) come from the {@link Taxonomy}.
 *
 * @param callPbx      with {@code callLinkedid}: the call the case is opened from (null for a walk-in)
 * @param specialist   username of the specialist the case is assigned to (null = the user who opens it, if a specialist)
 */
public record CaseDraft(@Nullable String callPbx, @Nullable String callLinkedid, @Nullable String category,
                        @Nullable String movement, @Nullable String question, @Nullable String answer,
                        @Nullable String language, CallerProfile profile, @Nullable String specialist,
                        boolean callbackConsent, @Nullable String referralPartner, @Nullable String referralNote) {
}
