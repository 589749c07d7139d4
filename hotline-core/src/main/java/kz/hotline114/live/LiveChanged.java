package kz.hotline114.live;

/** The live state changed (published on the ingestion thread, at most once per journaled batch). */
public record LiveChanged(LiveSnapshot snapshot) {
}
