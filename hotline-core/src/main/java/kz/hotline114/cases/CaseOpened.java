package kz.hotline114.cases;

/** A case was opened (after commit). */
public record CaseOpened(String number, String category) {
}
