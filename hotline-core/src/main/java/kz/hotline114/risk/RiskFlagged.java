package kz.hotline114.risk;

/** A call was flagged: every signed-in supervisor is to be alerted. Published after the flag is stored. */
public record RiskFlagged(RiskFlags.Flag flag) {
}
