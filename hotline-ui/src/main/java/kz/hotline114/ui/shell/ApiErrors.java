package kz.hotline114.ui.shell;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

import kz.hotline114.security.LogSafe;
import kz.hotline114.security.TooManyRequests;

/**
 * What every REST controller answers when something goes wrong, unless it says more itself: bad input 400, refused 403,
 * too many 429, unknown path 404, anything unexpected 500 — always JSON with a message, never the console's HTML.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class,
            ArithmeticException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, message(e, "bad request"));
    }

    @ExceptionHandler(java.util.NoSuchElementException.class)
    ResponseEntity<Map<String, Object>> missing(java.util.NoSuchElementException e) {
        return ApiError.of(HttpStatus.NOT_FOUND, message(e, "not found"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return ApiError.of(HttpStatus.FORBIDDEN, message(e, "not allowed for your role"));
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<Map<String, Object>> tooMany(TooManyRequests e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(ApiError.body(HttpStatus.TOO_MANY_REQUESTS, message(e, "too many requests")));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
        var status = HttpStatus.resolve(e.getStatusCode().value());
        return ApiError.of(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
                e.getReason() == null ? e.getStatusCode().toString() : e.getReason());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e) {
        return ApiError.of(HttpStatus.NOT_FOUND, "no such API: " + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, message(e, "method not allowed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message(e, "unsupported content type"));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> database(DataAccessException e, HttpServletRequest request) {
        log.error("API {} {}: database error", request.getMethod(), LogSafe.of(request.getRequestURI()), e);
        return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "the database could not answer; the error is logged");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        log.error("API {} {} failed", request.getMethod(), LogSafe.of(request.getRequestURI()), e);
        return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; it is logged");
    }

    private static String message(Exception e, String otherwise) {
        var m = e.getMessage();
        return m == null || m.isBlank() ? otherwise : m;
    }

    /** Any {@code /api/**} path no controller serves: 404 JSON (the console's HTML is not an API answer). */
    @RestController
    static class UnknownApiPath {
        @RequestMapping("/api/**")
        ResponseEntity<Map<String, Object>> unknown(HttpServletRequest request) {
            return ApiError.of(HttpStatus.NOT_FOUND, "no such API: " + request.getMethod() + " "
                    + LogSafe.of(request.getRequestURI()));
        }
    }
}
