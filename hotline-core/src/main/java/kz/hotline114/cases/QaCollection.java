package kz.hotline114.cases;

import java.time.Instant;

/**
 * The anonymised collection of questions received by 114 and the answers given, by category, for a
 * period (seed 004 plans a brochure of them). No case numbers, no dates of birth, no phone numbers or
 * e-mail addresses (struck out of the texts), no names of callers or specialists.
 */
public interface QaCollection {

    /** A DOCX document in {@code language} ("kk" or "ru"). */
    byte[] docx(Instant from, Instant to, String language);

    /** The questions and answers of cases opened on the days {@code from} to {@code to} (inclusive, hotline's zone). */
    byte[] docx(java.time.LocalDate from, java.time.LocalDate to, String language);
}
