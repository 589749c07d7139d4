package kz.hotline114.calls;

import java.util.List;

/** A page of calls and the total that match the filter. */
public record CallPage(long total, List<Call> items) {
}
