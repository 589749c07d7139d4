package kz.hotline114.calls;

/** What a rebuild of the call log from the journal did. */
public record RebuildResult(int linkedids, int calls, int removed) {
}
