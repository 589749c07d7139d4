package kz.hotline114.risk;

/** A supervisor acknowledged a flag: the others' alerts for it can go. */
public record RiskAcknowledged(RiskFlags.Flag flag) {
}
