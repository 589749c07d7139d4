package kz.hotline114.cases;

import org.jspecify.annotations.Nullable;

import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.Region;
import kz.hotline114.shared.SocialStatus;

/** The anonymous caller profile: exactly the breakdowns a grant report asks for; no name, no number. */
public record CallerProfile(@Nullable Gender gender, @Nullable AgeBracket ageBracket,
                            @Nullable SocialStatus socialStatus, @Nullable Region region) {

    public static final CallerProfile UNKNOWN = new CallerProfile(null, null, null, null);
}
