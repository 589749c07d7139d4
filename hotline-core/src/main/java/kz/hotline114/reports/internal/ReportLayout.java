package kz.hotline114.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import kz.hotline114.charts.ChartData;
import kz.hotline114.charts.ChartKind;
import kz.hotline114.charts.Charts;
import kz.hotline114.reports.InterimReport;
import kz.hotline114.reports.ReportContent;
import kz.hotline114.reports.ReportTexts;
import kz.hotline114.reports.Statistic;

/**
 * Seed 004's structure as blocks: title and grant header; 1. reporting period; 2. activities by task
 * (narrative, indicators planned vs actual, the call paragraph under the activity that counts calls) and
 * the events table; 3. call statistics (tables, charts, definitions); 4. risks; 5. participants (seed 001);
 * the attachments table; the signature block. Every text comes from {@link ReportTexts}.
 */
final class ReportLayout {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private final InterimReport r;
    private final ReportTexts t;
    private final boolean russian;

    private ReportLayout(InterimReport r, ReportTexts t) {
        this.r = r;
        this.t = t;
        this.russian = "ru".equals(t.locale().getLanguage());
    }

    static List<Block> blocks(InterimReport report, ReportTexts texts) {
        return new ReportLayout(report, texts).layout();
    }

    static String number(long n) {
        var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        return new DecimalFormat("#,##0", symbols).format(n);
    }

    static String number(BigDecimal n) {
        var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.##", symbols).format(n);
    }

    static String percent(double share) {
        return number(BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP));
    }

    /** The report's blocks in the order of seed 004's form. */
    private List<Block> layout() {
        var b = new ArrayList<Block>();
        header(b);
        b.add(new Block.Heading(1, t.text("report.section.period")));
        b.add(new Block.Para("", t.text("report.period", DAY.format(r.from()), DAY.format(r.to()))));
        activities(b);
        events(b);
        calls(b);
        risks(b);
        participants(b);
        attachments(b);
        signature(b);
        return b;
    }

    /** Title, draft mark, grantee, topic, sum and agreement. */
    private void header(List<Block> b) {
        b.add(new Block.Title(t.text("report.title")));
        if (r.status() == InterimReport.Status.DRAFT) {
            b.add(new Block.Para("", t.text("report.draftMark", r.version())));
        }
        b.add(new Block.Para(t.text("report.grantee"), r.grantee()));
        b.add(new Block.Para(t.text("report.topic"), "«" + r.projectName() + "»"));
        if (r.grantSum() != null) {
            b.add(new Block.Para(t.text("report.sum"), t.text("report.sum.value", number(r.grantSum()))));
        }
        if (r.agreementNo() != null) {
            b.add(new Block.Para(t.text("report.agreement"), r.agreementNo()
                    + (r.agreementDate() == null ? "" : ", " + DAY.format(r.agreementDate()))));
        }
    }

    /** Each task's activities: narrative, calls paragraph, indicators. */
    private void activities(List<Block> b) {
        b.add(new Block.Heading(1, t.text("report.section.activities")));
        b.add(new Block.Para("", t.text("report.section.activities.hint")));
        for (var task : r.tasks()) {
            b.add(new Block.Heading(2, t.text("report.task", task.number()) + " " + task.title(t.locale())));
            for (var a : task.activities()) {
                b.add(new Block.Heading(3, t.text("report.activity", a.number()) + " " + a.title(t.locale())));
                if (!a.narrative().isBlank()) {
                    for (var paragraph : a.narrative().split("\\n\\s*\\n|\\n")) {
                        if (!paragraph.isBlank()) {
                            b.add(new Block.Para("", paragraph.strip()));
                        }
                    }
                }
                if (a.indicators().stream().anyMatch(i -> i.metric() == Statistic.CALLS_TOTAL)) {
                    b.add(new Block.Para("", callParagraph()));
                }
                if (!a.indicators().isEmpty()) {
                    var rows = new ArrayList<List<String>>();
                    for (var i : a.indicators()) {
                        String source = i.metric() != null ? t.text("statistic." + i.metric().name())
                                : i.evidence() == null ? t.text("report.indicator.manual") : i.evidence();
                        rows.add(List.of(i.name(t.locale()), i.unit(t.locale()), number(i.planned()), number(i.actual()), source,
                                i.justification().isBlank() && i.belowPlan() ? t.text("report.indicator.justificationMissing")
                                        : i.justification()));
                    }
                    // the unit's column is narrow: its header is the short form ("Ед. изм."), which never breaks mid-word
                    b.add(new Block.Table(List.of(t.text("report.indicator.name"), t.text("report.indicator.unit.short"),
                            t.text("report.indicator.planned"), t.text("report.indicator.actual"),
                            t.text("report.indicator.source"), t.text("report.indicator.justification")), rows,
                            List.of(26, 10, 10, 10, 22, 22)));
                }
            }
        }
    }

    /** The events held in the period. */
    private void events(List<Block> b) {
        b.add(new Block.Para("", t.text("report.events.hint")));
        var events = new ArrayList<List<String>>();
        for (var e : r.events()) {
            events.add(List.of(e.number() + ".", e.name(), DAY.format(e.heldOn()), e.place(),
                    t.text("report.events.people", e.participants()), nz(e.categories()), nz(e.experts()),
                    nz(e.completeness()), nz(e.documents())));
        }
        if (events.isEmpty()) {
            events.add(List.of("", t.text("report.events.none"), "", "", "", "", "", "", ""));
        }
        b.add(new Block.Table(List.of("№", t.text("report.events.name"), t.text("report.events.date"),
                t.text("report.events.place"), t.text("report.events.participants"), t.text("report.events.categories"),
                t.text("report.events.experts"), t.text("report.events.completeness"), t.text("report.events.documents")),
                events, List.of(4, 16, 9, 13, 8, 13, 14, 12, 11)));
    }

    /** Risks and their mitigation. */
    private void risks(List<Block> b) {
        b.add(new Block.Heading(1, t.text("report.section.risks")));
        var risks = new ArrayList<List<String>>();
        for (ReportContent.Risk risk : r.risks()) {
            var filled = resolved(r, risk, t);
            risks.add(List.of(filled.risk(), filled.mitigation()));
        }
        b.add(new Block.Table(List.of(t.text("report.risk"), t.text("report.risk.mitigation")), risks, List.of(50, 50)));
    }

    /** The attachments listed by task. */
    private void attachments(List<Block> b) {
        b.add(new Block.Para("", t.text("report.attachments.note")));
        var attachments = new ArrayList<List<String>>();
        // an attachment still titled as pre-filled ("1.2. <the activity>") is titled in the report's language
        var prefilled = new HashMap<String, String>();
        for (var task : r.tasks()) {
            for (var a : task.activities()) {
                prefilled.put(task.number() + "." + a.number() + ". " + a.title(),
                        task.number() + "." + a.number() + ". " + a.title(t.locale()));
            }
        }
        for (var a : r.attachments()) {
            attachments.add(List.of(t.text("report.attachments.number", a.number()),
                    prefilled.getOrDefault(a.title(), a.title()),
                    a.documents() != null ? a.documents() : a.callList() ? t.text("report.attachments.callList") : ""));
        }
        b.add(new Block.Table(List.of(t.text("report.attachments.numberHeader"), t.text("report.attachments.task"),
                t.text("report.attachments.documents")), attachments, List.of(15, 55, 30)));
    }

    /** Pages, leader, position, date, seal. */
    private void signature(List<Block> b) {
        b.add(new Block.Para(t.text("report.pages"), ""));
        b.add(new Block.Para(t.text("report.leader"), nz(r.leader())));
        b.add(new Block.Para(t.text("report.position"), nz(r.leaderPosition())));
        b.add(new Block.Para(t.text("report.filledOn"), r.finalisedAt() == null ? "" : DAY.format(
                r.finalisedAt().atZone(ZoneId.of("Asia/Almaty")).toLocalDate())));
        b.add(new Block.Para(t.text("report.seal"), ""));
    }

    static ReportContent.Risk resolved(InterimReport r, ReportContent.Risk risk, ReportTexts t) {
        var layout = new ReportLayout(r, t);
        return new ReportContent.Risk(risk.risk() != null ? risk.risk() : risk.wrongNumber() ? layout.wrongNumberRisk() : "",
                risk.mitigation() != null ? risk.mitigation()
                        : risk.wrongNumber() ? t.text("report.risk.wrongNumber.mitigation") : "", risk.wrongNumber());
    }

    String callParagraph() {
        var c = r.calls();
        return t.text("report.calls.paragraph", DAY.format(r.from()), DAY.format(r.to()), number(c.total()),
                number(c.substantive()), number(c.wrongNumber()), percent(c.wrongNumberShare()),
                number(r.cases().religionQuestions()), number(r.cases().psychologicalSupport()));
    }

    String wrongNumberRisk() {
        var c = r.calls();
        var text = new StringBuilder(t.text("report.risk.wrongNumber", number(c.wrongNumber()), number(c.total()),
                percent(c.wrongNumberShare()), number(c.wrongNumberMinutes()), number(c.wrongNumberCost()),
                number(c.tariffPerMinute())));
        var b = r.budget();
        if (b == null) {
            return text.toString();
        }
        if (b.filtered() > 0) {
            text.append(' ').append(t.text("report.risk.wrongNumber.filter", number(b.filtered()),
                    number(b.minutesSaved()), number(b.moneySaved())));
        }
        if (b.budget() != null) {
            text.append(' ').append(t.text("report.risk.wrongNumber.budget", number(b.budget()), DAY.format(b.asOf()),
                    number(b.spent()), number(b.wrongNumberSpent())));
            text.append(' ').append(b.runsOutOn() != null && !b.runsOutOn().isAfter(b.asOf())
                    ? t.text("report.risk.wrongNumber.spentOn", DAY.format(b.runsOutOn()))
                    : b.lastsThePeriod() ? t.text("report.risk.wrongNumber.lasts", number(b.dailyRate()))
                    : t.text("report.risk.wrongNumber.runsOut", number(b.dailyRate()), DAY.format(b.runsOutOn()),
                            DAY.format(b.periodTo())));
        }
        return text.toString();
    }

    private void calls(List<Block> b) {
        var c = r.calls();
        b.add(new Block.Heading(1, t.text("report.section.calls")));
        b.add(new Block.Para("", callParagraph()));
        b.add(new Block.Table(List.of(t.text("report.calls.figure"), t.text("report.calls.value")), List.of(
                List.of(t.text("statistic.CALLS_TOTAL"), number(c.total())),
                List.of(t.text("statistic.SUBSTANTIVE_CALLS"), number(c.substantive())),
                List.of(t.text("statistic.ABANDONED_CALLS"), number(c.abandoned())),
                List.of(t.text("statistic.UNANSWERED_CALLS"), number(c.unanswered())),
                List.of(t.text("statistic.MENU_DROPPED_CALLS"), number(c.menuDropped())),
                List.of(t.text("statistic.WRONG_NUMBER_CALLS"), number(c.wrongNumber())),
                List.of(t.text("statistic.WRONG_NUMBER_SHARE"), percent(c.wrongNumberShare()) + " %"),
                List.of(t.text("statistic.WRONG_NUMBER_COST"), t.text("report.sum.value", number(c.wrongNumberCost()))),
                List.of(t.text("statistic.RELIGION_QUESTIONS"), number(r.cases().religionQuestions())),
                List.of(t.text("statistic.PSYCHOLOGICAL_SUPPORT_REQUESTS"), number(r.cases().psychologicalSupport())),
                List.of(t.text("statistic.CONSULTATIONS"), number(r.centre().consultations())),
                List.of(t.text("statistic.MOBILE_RECEPTION_CONSULTATIONS"), number(r.centre().mobileReceptionConsultations())),
                List.of(t.text("statistic.EVENTS_HELD"), number(r.centre().events())),
                List.of(t.text("statistic.PARTICIPANTS"), number(r.centre().participants()))), List.of(70, 30)));

        var months = new ArrayList<List<String>>();
        c.byMonth().forEach((m, n) -> months.add(List.of(month(m), number(n),
                number(c.substantiveByMonth().getOrDefault(m, 0L)), number(c.wrongNumberByMonth().getOrDefault(m, 0L)))));
        months.add(List.of(t.text("report.calls.total"), number(c.total()), number(c.substantive()), number(c.wrongNumber())));
        b.add(new Block.Heading(2, t.text("report.calls.byMonth")));
        b.add(new Block.Table(List.of(t.text("report.calls.month"), t.text("statistic.CALLS_TOTAL"),
                t.text("statistic.SUBSTANTIVE_CALLS"), t.text("statistic.WRONG_NUMBER_CALLS")), months, List.of(31, 23, 23, 23)));
        if (!c.byMonth().isEmpty()) {
            var labels = c.byMonth().keySet().stream().map(this::month).toList();
            var data = new ChartData(t.text("report.calls.byMonth"), "", t.text("report.calls.count"), labels, List.of(
                    new ChartData.Series(t.text("statistic.CALLS_TOTAL"), List.copyOf(c.byMonth().values())),
                    new ChartData.Series(t.text("statistic.SUBSTANTIVE_CALLS"), List.copyOf(c.substantiveByMonth().values())),
                    new ChartData.Series(t.text("statistic.WRONG_NUMBER_CALLS"), List.copyOf(c.wrongNumberByMonth().values()))));
            b.add(new Block.Image(Charts.png(ChartKind.BAR, data, 900, 420), 900, 420, t.text("report.calls.byMonth")));
        }
        breakdown(b, "report.calls.byRegion", "report.calls.region", c.byRegion(), this::region, true);
        breakdown(b, "report.calls.byOperator", "report.calls.operator", c.byOperator(),
                k -> t.textOr("report.operator." + k, k), false);
        breakdown(b, "report.calls.byIvr", "report.calls.ivr", c.byIvrChoice(), k -> t.textOr("report.ivr." + k, k), false);
        breakdown(b, "report.calls.byQueue", "report.calls.queue", c.byQueue(), k -> t.textOr("queue." + k,
                t.textOr("report.queue." + k, k)), false);
        breakdown(b, "report.calls.byOutcome", "report.calls.outcome", c.byOutcome(), k -> t.textOr("outcome." + k, k), false);
        var names = russian ? r.cases().categoryNamesRu() : r.cases().categoryNamesKk();
        breakdown(b, "report.cases.byCategory", "report.cases.category", r.cases().byCategory(),
                k -> names.getOrDefault(k, k), true);
        if (r.atRisk() != null) { // a report finalised before issue 19 has none
            var risk = r.atRisk();
            var riskNames = russian ? risk.categoryNamesRu() : risk.categoryNamesKk();
            b.add(new Block.Heading(2, t.text("report.atRisk")));
            b.add(new Block.Para("", t.text("report.atRisk.summary", number(risk.flags()), number(risk.urgent()),
                    number(risk.followedUp()))));
            breakdown(b, "report.atRisk.byCategory", "report.atRisk.category", risk.byCategory(),
                    k -> riskNames.getOrDefault(k, k), false);
            breakdown(b, "report.atRisk.byOutcome", "report.atRisk.outcome", risk.byOutcome(),
                    k -> t.textOr("report.atRisk.outcome." + k, k), false);
        }

        b.add(new Block.Heading(2, t.text("report.definitions")));
        for (Statistic s : Statistic.values()) {
            b.add(new Block.Para(t.text("statistic." + s.name()) + ": ", t.text("statistic." + s.name() + ".definition")));
        }
    }

    private void breakdown(List<Block> b, String title, String column, Map<String, Long> counts,
                           Function<String, String> label, boolean chart) {
        b.add(new Block.Heading(2, t.text(title)));
        var rows = new ArrayList<List<String>>();
        counts.forEach((k, n) -> rows.add(List.of(label.apply(k), number(n))));
        if (rows.isEmpty()) {
            rows.add(List.of(t.text("report.none"), "0"));
        }
        b.add(new Block.Table(List.of(t.text(column), t.text("report.calls.count")), rows, List.of(70, 30)));
        if (chart && !counts.isEmpty()) {
            var top = counts.entrySet().stream().limit(12).toList();
            var data = ChartData.single(t.text(title), "", t.text("report.calls.count"), t.text("report.calls.count"),
                    top.stream().map(e -> label.apply(e.getKey())).toList(), top.stream().map(Map.Entry::getValue).toList());
            int height = Math.max(220, 60 + 32 * top.size());
            b.add(new Block.Image(Charts.png(ChartKind.HORIZONTAL_BAR, data, 900, height), 900, height, t.text(title)));
        }
    }

    private void participants(List<Block> b) {
        var p = r.participants();
        b.add(new Block.Heading(1, t.text("report.section.participants")));
        b.add(new Block.Para("", t.text("report.participants.paragraph", number(p.total()), number(p.fromCases()),
                number(p.fromWalkIns()), number(p.fromEvents()))));
        table(b, "report.participants.byGender", p.byGender(), "gender.");
        table(b, "report.participants.byAge", p.byAgeBracket(), "age.");
        table(b, "report.participants.bySocial", p.bySocialStatus(), "social.");
    }

    private void table(List<Block> b, String title, Map<String, Long> counts, String prefix) {
        b.add(new Block.Heading(2, t.text(title)));
        var header = new ArrayList<String>();
        var values = new ArrayList<String>();
        header.add(t.text("report.participants.total"));
        values.add(number(r.participants().total()));
        counts.forEach((k, n) -> {
            // never a code in a document for the donor: "UNKNOWN" is said in words
            header.add(k.equals("UNKNOWN") ? t.text("report.unknown") : t.textOr(prefix + k, k));
            values.add(number(n));
        });
        b.add(new Block.Table(header, List.of(values), header.stream().map(h -> 10).toList()));
    }

    private String month(String yearMonth) {
        var ym = YearMonth.parse(yearMonth);
        return t.textOr("report.month." + ym.getMonthValue(), ym.getMonth().getDisplayName(TextStyle.FULL_STANDALONE,
                t.locale())) + " " + ym.getYear();
    }

    private String region(String key) {
        return t.textOr("report.region." + key, t.textOr("region." + key, key));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String formatDate(LocalDate d) {
        return DAY.format(d);
    }
}
