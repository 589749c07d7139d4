package kz.hotline114.calls;

/** A call's row changed while the call is in progress (provisional). */
public record CallUpdated(Call call) {
}
