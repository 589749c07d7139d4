package kz.hotline114.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.TooManyRequests;

/**
 * The caller-number filter of the call log and its exports, as each role may use it. Roles that see full numbers
 * search any part of a number. Roles that see numbers masked may look a caller up only by the whole number — a part
 * would let them rebuild a masked number digit by digit, counting hits — at most {@value #LOOKUPS_PER_HOUR} different
 * numbers an hour, and every lookup is audited with the (masked) number tried.
 */
@Component
public class CallerNumberFilter {

    static final int LOOKUPS_PER_HOUR = 30;
    private static final Duration HOUR = Duration.ofHours(1);

    private final AuditLog audit;
    private final Clock clock;
    /** user → (number → when it was first looked up this hour), bounded. */
    private final Map<String, Map<String, Instant>> lookups = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Instant>> eldest) {
            return size() > 10_000;
        }
    };

    CallerNumberFilter(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The filter as the signed-in user may apply it (unchanged for roles that see numbers, or without a number).
     *
     * @param where what is being listed or exported, for the audit ({@code calls}, {@code calls.csv})
     * @throws IllegalArgumentException when a masked role gives part of a number
     * @throws TooManyRequests when a masked role has looked up too many numbers this hour
     */
    public CallFilter admit(CallFilter filter, String where) {
        var number = filter.number();
        if (number == null || number.isBlank() || CurrentUser.maySeeCallerNumbers() || filter.wholeNumber()) {
            return filter;
        }
        var e164 = PhoneNumbers.toE164(number);
        if (e164 == null || !PhoneNumbers.isWhole(e164)) {
            throw new IllegalArgumentException("number: your role may look a caller up only by the whole number "
                    + "(for example +77011234567), not by a part of it");
        }
        if (firstLookup(CurrentUser.name(), e164)) {
            audit.record("CALLER_NUMBER_LOOKUP", where, PhoneNumbers.mask(e164));
        }
        return filter.withWholeNumber(e164);
    }

    /** Whether this is the user's first lookup of the number this hour; refuses one number too many. */
    private synchronized boolean firstLookup(String user, String e164) {
        var now = clock.instant();
        var mine = lookups.computeIfAbsent(user, u -> new LinkedHashMap<>());
        mine.values().removeIf(at -> !at.plus(HOUR).isAfter(now));
        if (mine.containsKey(e164)) {
            return false;
        }
        if (mine.size() >= LOOKUPS_PER_HOUR) {
            var oldest = mine.values().stream().min(Instant::compareTo).orElse(now);
            audit.record("CALLER_NUMBER_LOOKUP_REFUSED", "calls", PhoneNumbers.mask(e164));
            throw new TooManyRequests("number: at most " + LOOKUPS_PER_HOUR + " different numbers an hour for your role",
                    Duration.between(now, oldest.plus(HOUR)));
        }
        mine.put(e164, now);
        return true;
    }
}
