package kz.hotline114.reports;

/**
 * The report texts of a language ({@code kk}, {@code ru}) for work done without a screen (a report sent by e-mail):
 * the message bundles live with the user interface, which provides this.
 */
@FunctionalInterface
public interface ReportTextsSource {

    ReportTexts of(String language);
}
