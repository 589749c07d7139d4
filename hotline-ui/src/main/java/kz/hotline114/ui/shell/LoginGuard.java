package kz.hotline114.ui.shell;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import kz.hotline114.security.LoginThrottle;

/**
 * In front of both doors, before any password is checked: a sign-in from another site is refused (login CSRF —
 * another page must not sign the browser in as someone else), and a user name or address that has guessed wrong too
 * often waits ({@link LoginThrottle}) — the console's form gets its error page with the wait, the API 429 with
 * {@code Retry-After}. Not a bean: each security chain adds its own (a bean would also run outside the chains).
 */
final class LoginGuard extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final boolean api;

    private LoginGuard(LoginThrottle throttle, boolean api) {
        this.throttle = throttle;
        this.api = api;
    }

    /** For the console's form sign-in ({@code POST /login}). */
    static LoginGuard forConsole(LoginThrottle throttle) {
        return new LoginGuard(throttle, false);
    }

    /** For HTTP Basic on the API. */
    static LoginGuard forApi(LoginThrottle throttle) {
        return new LoginGuard(throttle, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (api) {
            var user = basicUser(request.getHeader("Authorization"));
            var wait = user == null ? null : throttle.wait(user, request.getRemoteAddr()).orElse(null);
            if (wait != null) {
                response.setHeader("Retry-After", String.valueOf(seconds(wait)));
                ApiError.write(response, HttpStatus.TOO_MANY_REQUESTS,
                        "too many wrong passwords: try again in " + seconds(wait) + " s");
                return;
            }
        } else if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            if (!sameOrigin(request)) {
                // written, not sendError: the error page would be a redirect to the sign-in page, not a refusal
                response.setStatus(HttpStatus.FORBIDDEN.value());
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("403: a sign-in posted from another site is refused\n");
                return;
            }
            var user = request.getParameter("username");
            var wait = user == null ? null : throttle.wait(user, request.getRemoteAddr()).orElse(null);
            if (wait != null) {
                response.sendRedirect(request.getContextPath() + "/login?error&wait=" + seconds(wait));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether a form post comes from this site: the browser's {@code Sec-Fetch-Site} when it sends one, else the
     * {@code Origin} (or failing that the {@code Referer}) compared with this request's own scheme, host and port.
     * A post with none of them (a script, not a browser) is let through: login CSRF needs a victim's browser.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        var site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.isBlank()) {
            return site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none");
        }
        var origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            origin = request.getHeader("Referer");
        }
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            var uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            return uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static @Nullable String basicUser(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            var decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
