package kz.hotline114.ui.shell;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's first check of what it is sent, before anything reads it: a parameter with a NUL or another control
 * character is refused with 400 (PostgreSQL cannot store NUL, and no field of this API needs one), and a body over
 * {@value #MAX_BODY_BYTES} bytes with 413 (the largest real request, a case with long texts, is a few kilobytes).
 */
final class ApiRequestGuard extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 1_000_000;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            ApiError.write(response, HttpStatus.CONTENT_TOO_LARGE, "the request body is over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String query = request.getQueryString();
        if (query != null) {
            for (var e : request.getParameterMap().entrySet()) {
                for (var v : e.getValue()) {
                    if (hasControl(v) || hasControl(e.getKey())) {
                        ApiError.write(response, HttpStatus.BAD_REQUEST,
                                "parameter '" + printable(e.getKey()) + "' contains a control character");
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String s) {
        var sb = new StringBuilder();
        s.chars().limit(60).forEach(c -> sb.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return sb.toString();
    }
}
