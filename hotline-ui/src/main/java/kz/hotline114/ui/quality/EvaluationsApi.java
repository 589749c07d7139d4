package kz.hotline114.ui.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.CallKey;
import kz.hotline114.quality.EvaluationForm;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.quality.InvalidEvaluation;
import kz.hotline114.security.Roles;
import kz.hotline114.ui.shell.ApiError;
import kz.hotline114.ui.shell.RequestDays;

/**
 * The quality monitoring over REST (issue 18): {@code GET /api/evaluations?from=&to=} (an evaluator gets their own),
 * {@code GET /api/evaluations/{id}}, {@code POST /api/evaluations {"pbx", "linkedid", "evaluator"}} (a call assigned
 * by hand), {@code PUT /api/evaluations/{id} {"scores", "comments", "conclusion", "submit"}} (the evaluator's work),
 * {@code POST /api/evaluations/samples {"from", "to", "perStratum", "calibrationShare", "seed"?}} and
 * {@code GET /api/evaluations/form} and {@code PUT /api/evaluations/form} (a changed form: the next version). A refused value answers 400 with its field.
 */
@RestController
@RequestMapping("/api/evaluations")
class EvaluationsApi {

    private final Evaluations evaluations;

    EvaluationsApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping
    @RolesAllowed({Roles.EVALUATOR, Roles.SUPERVISOR, Roles.ADMIN})
    List<Map<String, Object>> list(@RequestParam(required = false) @Nullable String from,
                                   @RequestParam(required = false) @Nullable String to) {
        return evaluations.list(RequestDays.day("from", from), RequestDays.day("to", to)).stream().map(EvaluationsApi::json).toList();
    }

    @GetMapping("/{id}")
    @RolesAllowed({Roles.EVALUATOR, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> one(@PathVariable long id) {
        return json(evaluations.get(id));
    }

    record Assignment(@Nullable String pbx, @Nullable String linkedid, @Nullable String evaluator) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> assign(@RequestBody Assignment a) {
        if (a.pbx() == null || a.linkedid() == null || a.evaluator() == null) {
            throw new IllegalArgumentException("'pbx', 'linkedid' and 'evaluator' are required");
        }
        return json(evaluations.assign(new CallKey(a.pbx(), a.linkedid()), a.evaluator()));
    }

    record Work(@Nullable Map<String, Integer> scores, @Nullable Map<String, String> comments,
                @Nullable String conclusion, boolean submit) {
    }

    @PutMapping("/{id}")
    @RolesAllowed({Roles.EVALUATOR, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> save(@PathVariable long id, @RequestBody Work w) {
        return json(evaluations.save(id, w.scores() == null ? Map.of() : w.scores(),
                w.comments() == null ? Map.of() : w.comments(), w.conclusion(), w.submit()));
    }

    record SampleRequest(@Nullable String from, @Nullable String to, @Nullable Integer perStratum,
                         @Nullable Double calibrationShare, @Nullable Long seed) {
    }

    @PostMapping("/samples")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> sample(@RequestBody SampleRequest r) {
        var s = evaluations.sample(RequestDays.day("from", r.from()), RequestDays.day("to", r.to()), r.perStratum() == null ? 2 : r.perStratum(),
                r.calibrationShare() == null ? 0.1 : r.calibrationShare(), r.seed());
        var body = new LinkedHashMap<String, Object>();
        body.put("id", s.id());
        body.put("from", s.from().toString());
        body.put("to", s.to().toString());
        body.put("seed", s.seed());
        body.put("perStratum", s.perStratum());
        body.put("calibrationShare", s.calibrationShare());
        body.put("calls", s.calls());
        body.put("evaluations", s.evaluations().stream().map(EvaluationsApi::json).toList());
        return body;
    }

    @GetMapping("/form")
    @RolesAllowed({Roles.EVALUATOR, Roles.SUPERVISOR, Roles.ADMIN})
    EvaluationForm form() {
        return evaluations.currentForm();
    }

    /** A changed form, stored as the next version (its id and version in the body are ignored). */
    @PutMapping("/form")
    @RolesAllowed({Roles.EVALUATOR, Roles.SUPERVISOR, Roles.ADMIN})
    EvaluationForm saveForm(@RequestBody EvaluationForm form) {
        return evaluations.saveForm(form);
    }

    static Map<String, Object> json(Evaluations.Evaluation e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", e.id());
        m.put("sample", e.sampleId());
        m.put("pbx", e.call().pbxId());
        m.put("linkedid", e.call().linkedid());
        m.put("evaluator", e.evaluator());
        m.put("form", e.formId());
        m.put("calibration", e.calibration());
        m.put("status", e.status().name());
        m.put("scores", e.scores());
        m.put("comments", e.comments());
        m.put("conclusion", e.conclusion());
        m.put("total", e.total());
        m.put("criticalFailed", e.criticalFailed());
        m.put("specialist", e.specialist());
        m.put("queue", e.queue());
        m.put("assignedAt", e.assignedAt().toString());
        m.put("submittedAt", e.submittedAt() == null ? null : e.submittedAt().toString());
        m.put("response", e.response() == null ? null : e.response().name());
        m.put("responseComment", e.responseComment());
        m.put("resolution", e.resolution());
        return m;
    }

    @ExceptionHandler(InvalidEvaluation.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, Object> invalid(InvalidEvaluation e) {
        return ApiError.invalid(e.errors());
    }
}
