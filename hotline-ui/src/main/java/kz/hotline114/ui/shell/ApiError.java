package kz.hotline114.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every API error: {@code {"status": 404, "error": "Not Found", "message": "…"}} — from controllers,
 * from the security filters (before any controller runs) and from the fallback for unknown paths.
 */
public final class ApiError {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiError() {
    }

    public static Map<String, Object> body(HttpStatus status, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        return body;
    }

    public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status, message));
    }

    /** A refused value: 400 with each field's problem code, {@code "errors": {"field": "problem"}}. */
    public static Map<String, Object> invalid(Map<String, String> errors) {
        var body = body(HttpStatus.BAD_REQUEST, "invalid: " + errors.keySet());
        body.put("errors", errors);
        return body;
    }

    /** Writes the error straight to a response (filters, entry points). */
    public static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body(status, message)));
        response.flushBuffer();
    }
}
