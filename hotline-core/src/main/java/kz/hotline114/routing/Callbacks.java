package kz.hotline114.routing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.CallKey;

/**
 * Callbacks: a specialist or operator schedules one for an earlier call; when it is due and the
 * assigned phone is free (or at once when asked), the app originates it over AMI from the
 * specialist's phone through {@code hotline-callback}; the outbound call is followed in the AMI
 * events and linked to the original call.
 */
public interface Callbacks {

    /**
     * Schedules a callback for the caller of call {@code of}.
     *
     * @param assignee the phone that will call back; null = the signed-in specialist's phone, or anyone's
     * @throws IllegalArgumentException when the call is unknown or its number is withheld
     */
    Callback schedule(CallKey of, Instant dueAt, @Nullable String note, @Nullable String assignee);

    /** Originates the callback now from the signed-in specialist's phone. */
    Callback dialNow(long id);

    /** Cancels a callback that is waiting or did not reach the caller. */
    Callback cancel(long id);

    /** The callbacks of one original call, oldest first. */
    List<Callback> ofCall(CallKey call);

    /**
     * Open callbacks for the signed-in specialist's phone and unassigned ones, soonest first: scheduled, being
     * dialled, and those that did not reach the caller (not answered, failed — with why) until dialled again or
     * cancelled: a failed callback stays in sight instead of vanishing.
     */
    List<Callback> open();
}
