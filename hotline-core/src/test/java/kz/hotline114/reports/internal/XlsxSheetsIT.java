package kz.hotline114.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Locale;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.calls.CallFilter;
import kz.hotline114.reports.CallExports;
import kz.hotline114.reports.ReportTexts;
import kz.hotline114.reports.Seed004Data;
import kz.hotline114.support.TelephonyIT;

/**
 * More calls than a sheet holds (Excel: 1 048 576 rows; here lowered to 1 000) continue on the next sheet
 * under the same header instead of failing half-way through the export.
 */
class XlsxSheetsIT extends TelephonyIT {

    @Autowired
    CallExports exports;

    /** The bean behind its transaction proxy (a field set on the proxy would not reach it). */
    private JdbcCallExports target() {
        return org.springframework.test.util.AopTestUtils.getTargetObject(exports);
    }

    @AfterEach
    void restore() {
        target().rowsPerSheet = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxRows();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_period_with_more_calls_than_a_sheet_holds_goes_on_in_the_next_sheet() throws Exception {
        Seed004Data.load(jdbc);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("it-reporter", "n/a",
                "ROLE_REPORTER"));
        target().rowsPerSheet = 1000;
        var out = new ByteArrayOutputStream();
        exports.xlsx(new CallFilter(Instant.parse("2019-05-31T18:00:00Z"), Instant.parse("2019-08-31T18:00:00Z"), null,
                null, null), KEYS, out);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            var first = wb.getSheetAt(0);
            var second = wb.getSheetAt(1);
            assertThat(second.getSheetName()).isEqualTo(first.getSheetName() + " (2)");
            assertThat(first.getPhysicalNumberOfRows()).isEqualTo(1000);
            // the header again on top of the second sheet, then the rest: 999 + 928 = 1 927 calls
            assertThat(second.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(first.getRow(0).getCell(0).getStringCellValue());
            assertThat(second.getPhysicalNumberOfRows() - 1).isEqualTo(Seed004Data.TOTAL - 999);
        }
    }

    private static final ReportTexts KEYS = new ReportTexts() {
        @Override
        public String text(String key, Object... args) {
            return key;
        }

        @Override
        public Locale locale() {
            return Locale.forLanguageTag("kk");
        }

        @Override
        public boolean has(String key) {
            return true;
        }
    };
}
