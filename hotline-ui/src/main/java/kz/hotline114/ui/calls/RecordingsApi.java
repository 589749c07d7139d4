package kz.hotline114.ui.calls;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;

import kz.hotline114.calls.CallKey;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.security.Roles;

/**
 * A call's recording (issue 18): {@code GET /api/calls/{pbx}/{linkedid}/recording} → the WAV, with HTTP ranges
 * ({@code Range: bytes=a-b}, {@code 206}; a browser's player seeks with them), {@code ?download=true} to save it;
 * {@code GET …/recording/facts} → size, length, SHA-256, when it goes, holds; {@code POST …/recording/holds}
 * {@code {"reason"}} keeps it past the retention period, {@code DELETE …/recording/holds/{id}?reason=} ends a hold.
 * Supervisors and admins, and an evaluator for a call assigned to them; every playback and download is in the audit
 * log.
 */
@RestController
@RequestMapping({"/api/calls/{pbx}/{linkedid}/recording", RecordingsApi.CONSOLE + "/{pbx}/{linkedid}"})
class RecordingsApi {

    /**
     * The same recording for the console's own player: {@code /api/**} is HTTP Basic without a session, so a browser's
     * {@code <audio>} (which sends only the console's session cookie) is served under this path, in the console's
     * signed-in session, with the same roles, ranges and audit.
     */
    static final String CONSOLE = "/recordings";

    /** Where the console's player fetches a call's recording. */
    static String consoleUrl(kz.hotline114.calls.CallKey call) {
        return CONSOLE + "/" + call.pbxId() + "/" + call.linkedid();
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final Recordings recordings;

    RecordingsApi(Recordings recordings) {
        this.recordings = recordings;
    }

    private Recordings.Recording available(CallKey call) {
        var r = recordings.of(call).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "this call has no recording"));
        if (!r.available()) {
            throw new ResponseStatusException(HttpStatus.GONE, "the recording was deleted on " + r.deletedAt()
                    + " (retention)");
        }
        return r;
    }

    @GetMapping
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.EVALUATOR})
    void audio(@PathVariable String pbx, @PathVariable String linkedid,
               @RequestHeader(value = "Range", required = false) @Nullable String range,
               @RequestParam(defaultValue = "false") boolean download, HttpServletResponse response) throws IOException {
        var call = new CallKey(pbx, linkedid);
        long size = available(call).sizeBytes();
        long from = 0;
        long to = size - 1;
        boolean partial = range != null && !range.isBlank();
        if (partial) {
            var m = RANGE.matcher(range.split(",")[0].strip());
            if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
                throw unsatisfiable(response, size, "'Range' must be bytes=a-b, a- or -n, not '" + range + "'");
            }
            if (m.group(1).isEmpty()) { // the last n bytes
                from = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (from >= size || from > to) {
                throw unsatisfiable(response, size, "the recording has " + size + " bytes");
            }
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        response.setContentType("audio/wav");
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"call-"
                + linkedid.replaceAll("[^A-Za-z0-9._-]", "_") + ".wav\"");
        response.setContentLengthLong(to - from + 1);
        recordings.write(call, from, to - from + 1, download, response.getOutputStream());
    }

    private static ResponseStatusException unsatisfiable(HttpServletResponse response, long size, String why) {
        response.setHeader("Content-Range", "bytes */" + size);
        return new ResponseStatusException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, why);
    }

    @GetMapping("/facts")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.EVALUATOR})
    Map<String, Object> facts(@PathVariable String pbx, @PathVariable String linkedid) {
        var r = recordings.of(new CallKey(pbx, linkedid)).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "this call has no recording"));
        var body = new LinkedHashMap<String, Object>();
        body.put("sizeBytes", r.sizeBytes());
        body.put("durationMillis", r.durationMillis());
        body.put("sha256", r.sha256());
        body.put("takenAt", r.takenAt().toString());
        body.put("deleteAfter", r.deleteAfter().toString());
        body.put("deletedAt", r.deletedAt() == null ? null : r.deletedAt().toString());
        body.put("holds", r.holds().stream().map(h -> Map.of("id", h.id(), "kind", h.kind().name(), "reason",
                h.reason(), "heldBy", h.heldBy(), "heldAt", h.heldAt().toString())).toList());
        return body;
    }

    record HoldRequest(@Nullable String reason) {
    }

    @PostMapping("/holds")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> hold(@PathVariable String pbx, @PathVariable String linkedid, @RequestBody HoldRequest body) {
        try {
            var h = recordings.hold(new CallKey(pbx, linkedid), Recordings.HoldKind.SUPERVISOR,
                    body.reason() == null ? "" : body.reason());
            return Map.of("id", h.id(), "kind", h.kind().name(), "reason", h.reason(), "heldBy", h.heldBy());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @DeleteMapping("/holds/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> release(@PathVariable String pbx, @PathVariable String linkedid, @PathVariable long id,
                                @RequestParam(required = false) @Nullable String reason) {
        try {
            recordings.release(new CallKey(pbx, linkedid), id, reason == null ? "" : reason);
            return Map.of("released", id);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
