package kz.hotline114.reports.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import kz.hotline114.appointments.AppointmentStatistics;
import kz.hotline114.charts.ChartData;
import kz.hotline114.charts.ChartKind;
import kz.hotline114.charts.Charts;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.quality.MonitoringFigures;
import kz.hotline114.reports.MonitoringReports;
import kz.hotline114.reports.ReportTexts;
import kz.hotline114.security.AuditLog;

/** {@link MonitoringReports} as blocks, written by the interim report's DOCX and PDF writers. */
@Service
class MonitoringReportWriter implements MonitoringReports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Evaluations evaluations;
    private final AppointmentStatistics centre;
    private final AuditLog audit;

    MonitoringReportWriter(Evaluations evaluations, AppointmentStatistics centre, AuditLog audit) {
        this.evaluations = evaluations;
        this.centre = centre;
        this.audit = audit;
    }

    @Override
    public MonitoringFigures figures(LocalDate from, LocalDate to) {
        return evaluations.figures(from, to);
    }

    @Override
    public byte[] docx(LocalDate from, LocalDate to, ReportTexts texts) {
        var bytes = DocxWriter.write(blocks(figures(from, to), texts));
        audit.record("MONITORING_REPORT", from + ".." + to, "docx " + texts.locale().getLanguage());
        return bytes;
    }

    @Override
    public byte[] pdf(LocalDate from, LocalDate to, ReportTexts texts) {
        var bytes = DocumentRenderer.pdf(blocks(figures(from, to), texts), texts);
        audit.record("MONITORING_REPORT", from + ".." + to, "pdf " + texts.locale().getLanguage());
        return bytes;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace('.', ',') + " %";
    }

    List<Block> blocks(MonitoringFigures f, ReportTexts t) {
        var b = new ArrayList<Block>();
        b.add(new Block.Title(t.text("monitoring.title")));
        b.add(new Block.Para(t.text("monitoring.period"), DAY.format(f.from()) + " – " + DAY.format(f.to())));
        b.add(new Block.Para("", t.text("monitoring.coverage", f.evaluatedCalls(), f.answered(), pct(f.coverage()),
                f.evaluations(), f.averageTotal() == null ? "—" : pct(f.averageTotal()))));
        b.add(new Block.Heading(1, t.text("monitoring.bySpecialist")));
        b.add(groupTable(f.bySpecialist(), t, "monitoring.col.specialist", k -> k));
        b.add(new Block.Heading(1, t.text("monitoring.byQueue")));
        b.add(groupTable(f.byQueue(), t, "monitoring.col.queue", k -> k.equals("—") ? k : t.text("queue." + k)));
        b.add(new Block.Heading(1, t.text("monitoring.byCriterion")));
        var rows = new ArrayList<List<String>>();
        for (var c : f.byCriterion()) {
            rows.add(List.of("ru".equals(t.locale().getLanguage()) ? c.textRu() : c.textKk(),
                    c.critical() ? t.text("monitoring.critical") : "", pct(c.averagePercent()),
                    String.valueOf(c.evaluations())));
        }
        b.add(new Block.Table(List.of(t.text("monitoring.col.criterion"), t.text("monitoring.col.kind"),
                t.text("monitoring.col.average"), t.text("monitoring.col.evaluations")), rows, List.of(55, 15, 15, 15)));
        if (!f.byCriterion().isEmpty()) {
            var data = ChartData.single(t.text("monitoring.chart"), "", "%", t.text("monitoring.col.average"),
                    f.byCriterion().stream().map(MonitoringFigures.CriterionScore::code).toList(),
                    f.byCriterion().stream().map(MonitoringFigures.CriterionScore::averagePercent).toList());
            int height = 140 + 28 * f.byCriterion().size();
            b.add(new Block.Image(Charts.png(ChartKind.HORIZONTAL_BAR, data, 900, height), 900, height,
                    t.text("monitoring.chart")));
        }
        trendAndFailures(b, f, t);
        return b;
    }

    private void trendAndFailures(List<Block> b, MonitoringFigures f, ReportTexts t) {
        if (f.byMonth().size() > 1) {
            b.add(new Block.Heading(1, t.text("monitoring.byMonth")));
            b.add(groupTable(f.byMonth(), t, "monitoring.col.month", k -> k));
        }
        b.add(new Block.Heading(1, t.text("monitoring.failures")));
        if (f.criticalFailures().isEmpty()) {
            b.add(new Block.Para("", t.text("monitoring.failures.none")));
        } else {
            var texts = new java.util.HashMap<String, String>(); // a criterion by its words, not its code
            f.byCriterion().forEach(c -> texts.put(c.code(), "ru".equals(t.locale().getLanguage()) ? c.textRu()
                    : c.textKk()));
            var rows = new ArrayList<List<String>>();
            f.criticalFailures().forEach(c -> rows.add(List.of(DAY.format(c.day()),
                    c.specialist() == null ? "—" : c.specialist(), String.join("; ", c.criteria().stream()
                            .map(code -> texts.getOrDefault(code, code)).toList()), c.evaluator())));
            b.add(new Block.Table(List.of(t.text("monitoring.col.day"), t.text("monitoring.col.specialist"),
                    t.text("monitoring.col.criteria"), t.text("monitoring.col.evaluator")), rows, List.of(15, 35, 30, 20)));
        }
        b.add(new Block.Heading(1, t.text("monitoring.calibration")));
        b.add(new Block.Para("", f.agreement() == null ? t.text("monitoring.calibration.none")
                : t.text("monitoring.calibration.figure", f.calibrationPairs(), pct(f.agreement()))));
        b.add(new Block.Heading(1, t.text("monitoring.conclusions")));
        if (f.conclusions().isEmpty()) {
            b.add(new Block.Para("", t.text("monitoring.conclusions.none")));
        }
        f.conclusions().forEach(c -> b.add(new Block.Para(DAY.format(c.day()) + ", " + c.evaluator() + ": ", c.text())));
        var counts = centre.counts(f.from(), f.to());
        b.add(new Block.Heading(1, t.text("monitoring.centre")));
        b.add(new Block.Para("", t.text("monitoring.centre.figures", counts.consultationsHeld(), counts.events(),
                counts.participants())));
    }

    private static Block.Table groupTable(Map<String, MonitoringFigures.Group> groups, ReportTexts t, String header,
                                          java.util.function.Function<String, String> name) {
        var rows = new ArrayList<List<String>>();
        groups.forEach((k, g) -> rows.add(List.of(name.apply(k), String.valueOf(g.evaluations()), pct(g.averageTotal()),
                String.valueOf(g.criticalFailures()))));
        return new Block.Table(List.of(t.text(header), t.text("monitoring.col.evaluations"),
                t.text("monitoring.col.average"), t.text("monitoring.col.failures")), rows, List.of(46, 18, 18, 18));
    }
}
