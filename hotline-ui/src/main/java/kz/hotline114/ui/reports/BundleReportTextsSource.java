package kz.hotline114.ui.reports;

import org.springframework.stereotype.Component;

import kz.hotline114.reports.ReportTexts;
import kz.hotline114.reports.ReportTextsSource;
import kz.hotline114.ui.shell.HotlineI18n;

/** The message bundles' report texts for work done without a screen (reports sent by e-mail). */
@Component
class BundleReportTextsSource implements ReportTextsSource {

    private final HotlineI18n i18n;

    BundleReportTextsSource(HotlineI18n i18n) {
        this.i18n = i18n;
    }

    @Override
    public ReportTexts of(String language) {
        return BundleReportTexts.of(i18n, language);
    }
}
