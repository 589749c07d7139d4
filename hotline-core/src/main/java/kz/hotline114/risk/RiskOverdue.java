package kz.hotline114.risk;

/** A flag's follow-up is past its time and not closed: supervisors are told, once. */
public record RiskOverdue(RiskFlags.Flag flag) {
}
