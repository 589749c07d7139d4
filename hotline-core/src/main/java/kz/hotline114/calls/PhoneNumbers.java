package kz.hotline114.calls;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Caller numbers as the PBX gives them (+77011110001, 87172554433, anonymous) turned into E.164
 * with libphonenumber (Kazakhstan as the default region), and the mobile operator or landline
 * region read off the number's prefix.
 */
public final class PhoneNumbers {

    /** Caller IDs that mean "withheld". */
    private static final Set<String> WITHHELD = Set.of("", "anonymous", "<unknown>", "unknown", "restricted",
            "private", "unavailable", "withheld", "s");

    /**
     * Kazakhstan's mobile ranges (national significant number prefix after +7) by operator.
     * Kcell also sells the Activ brand; Tele2 and Altel share one network but keep their ranges.
     */
    static final Map<String, String> MOBILE_OPERATORS = Map.ofEntries(
            Map.entry("700", "Altel"), Map.entry("708", "Altel"),
            Map.entry("701", "Kcell"), Map.entry("702", "Kcell"), Map.entry("775", "Kcell"), Map.entry("778", "Kcell"),
            Map.entry("705", "Beeline"), Map.entry("771", "Beeline"), Map.entry("776", "Beeline"),
            Map.entry("777", "Beeline"),
            Map.entry("707", "Tele2"), Map.entry("747", "Tele2"));

    /** Landline area codes (after +7) by the region's city; the longest matching prefix wins. */
    static final Map<String, String> AREA_CODES = new TreeMap<>(Map.ofEntries(
            Map.entry("7172", "Astana"), Map.entry("727", "Almaty"), Map.entry("7282", "Taldykorgan"),
            Map.entry("7292", "Aktau"), Map.entry("7212", "Karaganda"), Map.entry("7222", "Semey"),
            Map.entry("7232", "Oskemen"), Map.entry("7242", "Kyzylorda"),
            Map.entry("7252", "Shymkent"), Map.entry("7262", "Taraz"), Map.entry("7112", "Oral"),
            Map.entry("7122", "Atyrau"), Map.entry("7132", "Aktobe"), Map.entry("7142", "Kostanay"),
            Map.entry("7152", "Petropavl"), Map.entry("7162", "Kokshetau"),
            Map.entry("7182", "Pavlodar"), Map.entry("7102", "Jezkazgan"),
            Map.entry("7253", "Turkistan")));

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** What a caller ID tells. */
    public record Info(@Nullable String e164, boolean withheld, @Nullable String operator, @Nullable String region) {
    }

    public static Info describe(@Nullable String callerId) {
        var raw = callerId == null ? "" : callerId.strip();
        if (WITHHELD.contains(raw.toLowerCase(Locale.ROOT))) {
            return new Info(null, true, null, null);
        }
        var e164 = toE164(raw);
        if (e164 == null) {
            return new Info(null, false, null, null);
        }
        if (!e164.startsWith("+7") || e164.length() < 6) {
            return new Info(e164, false, null, null);
        }
        var national = e164.substring(2);
        var operator = MOBILE_OPERATORS.get(national.substring(0, 3));
        if (operator != null) {
            return new Info(e164, false, operator, null);
        }
        return new Info(e164, false, null, region(national));
    }

    private static @Nullable String region(String national) {
        for (int len = 4; len >= 3; len--) {
            if (national.length() > len) {
                var r = AREA_CODES.get(national.substring(0, len));
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    /** E.164 for a number dialled or presented in Kazakhstan, or null when it is not a phone number. */
    public static @Nullable String toE164(String raw) {
        var digits = raw.replaceAll("[\\s()\\-.]", "");
        if (digits.isEmpty() || !digits.matches("\\+?\\d{3,17}")) {
            return null;
        }
        try {
            var number = UTIL.parse(digits, "KZ");
            if (!UTIL.isPossibleNumber(number)) {
                return null;
            }
            return UTIL.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Whether an E.164 number is a whole, valid number (not a fragment or a prefix). */
    public static boolean isWhole(String e164) {
        try {
            return UTIL.isValidNumber(UTIL.parse(e164, "KZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /**
     * A number shown to a role without the right to see it: country code, operator/area prefix and the
     * last two digits stay, the rest is starred ({@code +7 701 *** ** 01}).
     */
    public static String mask(@Nullable String e164) {
        if (e164 == null || e164.length() < 8) {
            return e164 == null ? "" : "***";
        }
        if (e164.startsWith("+7") && e164.length() == 12) {
            return "+7 " + e164.substring(2, 5) + " *** ** " + e164.substring(10);
        }
        return e164.substring(0, 4) + " *** " + e164.substring(e164.length() - 2);
    }
}
