package kz.hotline114.calls;

import java.time.Instant;

/** A consultation note a specialist wrote on a call. */
public record CallNote(String author, String text, Instant updatedAt) {
}
