package kz.hotline114.calls;

/** A call has ended and its row is final (it may still be corrected by late events or a rebuild). */
public record CallRecorded(Call call) {
}
