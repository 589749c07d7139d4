package kz.hotline114.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.support.Recordings;
import kz.hotline114.support.TestClock;
import kz.hotline114.ui.UiIT;

/**
 * The attacks of the security audit, each reproduced over real HTTP against the running application, and each now
 * failing to get in: rebuilding a masked number digit by digit, a disabled user's open session, locking the admin out,
 * login CSRF, unbounded or malformed requests, unknown API paths answered with HTML, missing security headers.
 */
class HardeningIT extends UiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STRONG = "Strong-pass-2026";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    // --- the users API (ADMIN only), which the other tests use to make their users ----------------------------------

    @Test
    void users_are_provisioned_over_the_api_by_admins_only_and_weak_passwords_are_refused() throws Exception {
        var weak = send("POST", "/api/admin/users", "{\"username\": \"hd-weak\", \"displayName\": \"Weak\", "
                + "\"password\": \"password1\", \"roles\": [\"OPERATOR\"]}", "admin", ADMIN_PASSWORD, Map.of());
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(message(weak)).startsWith("password:");
        assertThat(send("POST", "/api/admin/users", "{\"username\": \"hd-name\", \"password\": \"hd-name-is-here-1\", "
                + "\"roles\": [\"OPERATOR\"]}", "admin", ADMIN_PASSWORD, Map.of()).statusCode()).isEqualTo(400);

        var created = user("hd-provisioned", "OPERATOR");
        assertThat(created).containsEntry("username", "hd-provisioned").doesNotContainKeys("password", "passwordHash");
        var list = send("GET", "/api/admin/users", null, "admin", ADMIN_PASSWORD, Map.of());
        assertThat(list.body()).contains("hd-provisioned").doesNotContain("$2a$");
        assertThat(send("GET", "/api/admin/users", null, "hd-provisioned", STRONG, Map.of()).statusCode())
                .as("not an admin").isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'USERS_LISTED'", Long.class))
                .isPositive();
    }

    // --- High: the masking bypass -------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void an_operator_cannot_rebuild_a_masked_number_from_fragments_only_look_a_whole_one_up_audited() throws Exception {
        var packets = Recordings.startingAt("abandoned-in-queue", 61, TestClock.now().minusSeconds(300));
        play(packets);
        String number = fullNumber(linkedidOf(packets));
        user("hd-operator", "OPERATOR");
        String period = "from=" + TestClock.now().minus(Duration.ofHours(1)) + "&to=" + TestClock.now().plusSeconds(60);

        var fragment = send("GET", "/api/calls?" + period + "&number=" + number.substring(1, 6), null, "hd-operator",
                STRONG, Map.of());
        assertThat(fragment.statusCode()).as("a fragment is how the number was rebuilt").isEqualTo(400);
        assertThat(message(fragment)).contains("whole number");

        var whole = send("GET", "/api/calls?" + period + "&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8),
                null, "hd-operator", STRONG, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        var items = (List<Map<String, Object>>) JSON.readValue(whole.body(), Map.class).get("items");
        assertThat(items).isNotEmpty().allSatisfy(i -> assertThat((String) i.get("callerNumber")).contains("***"));
        assertThat(jdbc.queryForList("select detail from audit_log where action = 'CALLER_NUMBER_LOOKUP' "
                + "and username = 'hd-operator'", String.class)).contains(kz.hotline114.calls.PhoneNumbers.mask(number));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CALLS_LISTED_MASKED' "
                + "and username = 'hd-operator'", Long.class)).as("masked listings are audited too").isPositive();

        HttpResponse<String> last = null;
        for (int i = 0; i < 31 && (last == null || last.statusCode() == 200); i++) {
            last = send("GET", "/api/calls?" + period + "&number=%2B7701555" + String.format("%04d", i), null,
                    "hd-operator", STRONG, Map.of());
        }
        assertThat(last.statusCode()).as("at most 30 different numbers an hour").isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();

        user("hd-reporter", "REPORTER");
        var csv = send("GET", "/api/reports/calls.csv?" + period + "&number=" + number.substring(1, 6), null,
                "hd-reporter", STRONG, Map.of());
        assertThat(csv.statusCode()).as("nor through the export").isEqualTo(400);
    }

    // --- High: a disabled or demoted user keeps working ------------------------------------------------------------

    @Test
    void disabling_a_user_ends_their_open_console_session_at_once() throws Exception {
        user("hd-specialist", "SPECIALIST");
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var signIn = signIn(browser, "hd-specialist", STRONG, Map.of());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(page(browser, "/cases").statusCode()).as("signed in").isEqualTo(200);

        var disabled = send("PUT", "/api/admin/users/hd-specialist", "{\"enabled\": false}", "admin", ADMIN_PASSWORD,
                Map.of());
        assertThat(disabled.statusCode()).isEqualTo(200);

        var after = page(browser, "/cases");
        assertThat(after.statusCode()).as("the open session is gone").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void new_roles_end_the_session_too() throws Exception {
        user("hd-demoted", "SUPERVISOR");
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(browser, "hd-demoted", STRONG, Map.of());
        assertThat(page(browser, "/cases").statusCode()).isEqualTo(200);
        send("PUT", "/api/admin/users/hd-demoted", "{\"roles\": [\"REPORTER\"]}", "admin", ADMIN_PASSWORD, Map.of());
        assertThat(page(browser, "/cases").statusCode()).isEqualTo(302);
    }

    @Test
    void a_new_password_ends_the_session_and_the_old_password_no_longer_signs_in() throws Exception {
        user("hd-reset", "OPERATOR");
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(browser, "hd-reset", STRONG, Map.of());
        assertThat(page(browser, "/cases").statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/admin/users/hd-reset", "{\"password\": \"short\"}", "admin", ADMIN_PASSWORD,
                Map.of()).statusCode()).as("a weak new password").isEqualTo(400);
        assertThat(page(browser, "/cases").statusCode()).as("nothing changed yet").isEqualTo(200);
        assertThat(send("PUT", "/api/admin/users/hd-reset", "{\"password\": \"Another-strong-2027\"}", "admin",
                ADMIN_PASSWORD, Map.of()).statusCode()).isEqualTo(200);
        assertThat(page(browser, "/cases").statusCode()).isEqualTo(302);
        assertThat(send("GET", "/api/cases/taxonomy", null, "hd-reset", STRONG, Map.of()).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/cases/taxonomy", null, "hd-reset", "Another-strong-2027", Map.of()).statusCode())
                .isEqualTo(200);
    }

    // --- Medium: the admin locked out by anyone; login CSRF ---------------------------------------------------------

    @Test
    void wrong_passwords_from_elsewhere_never_lock_a_user_out_of_their_own_address() throws Exception {
        user("hd-victim", "OPERATOR");
        var home = Map.of("X-Forwarded-For", "198.51.100.20");
        assertThat(send("GET", "/api/cases/taxonomy", null, "hd-victim", STRONG, home).statusCode()).isEqualTo(200);

        var attacker = Map.of("X-Forwarded-For", "203.0.113.7");
        for (int i = 0; i < 5; i++) {
            assertThat(send("GET", "/api/cases/taxonomy", null, "hd-victim", "wrong-" + i, attacker).statusCode())
                    .isEqualTo(401);
        }
        var held = send("GET", "/api/cases/taxonomy", null, "hd-victim", STRONG, attacker);
        assertThat(held.statusCode()).as("the guessing address waits, even with the right password").isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(send("GET", "/api/cases/taxonomy", null, "hd-victim", STRONG, home).statusCode())
                .as("the user's own address is not held").isEqualTo(200);

        // many addresses guessing: strangers wait, the user's known address does not
        for (int i = 0; i < 50; i++) {
            send("GET", "/api/cases/taxonomy", null, "hd-victim", "wrong", Map.of("X-Forwarded-For", "192.0.2." + i));
        }
        assertThat(send("GET", "/api/cases/taxonomy", null, "hd-victim", STRONG,
                Map.of("X-Forwarded-For", "192.0.2.200")).statusCode()).isEqualTo(429);
        assertThat(send("GET", "/api/cases/taxonomy", null, "hd-victim", STRONG, home).statusCode()).isEqualTo(200);
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused() throws Exception {
        user("hd-csrf", "OPERATOR");
        var victim = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var forged = signIn(victim, "hd-csrf", STRONG, Map.of("Origin", "http://evil.example"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(page(victim, "/cases").statusCode()).as("not signed in").isEqualTo(302);
        var fetchSite = signIn(victim, "hd-csrf", STRONG, Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(fetchSite.statusCode()).isEqualTo(403);

        var own = signIn(victim, "hd-csrf", STRONG, Map.of("Origin", "http://localhost:" + port));
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(page(victim, "/cases").statusCode()).isEqualTo(200);
    }

    // --- Low–medium: bounds, errors, headers -----------------------------------------------------------------------

    @Test
    void unknown_api_paths_and_bad_parameters_answer_json_errors_with_a_message() throws Exception {
        for (var method : List.of("GET", "POST")) {
            var r = send(method, "/api/no-such-thing", method.equals("POST") ? "{}" : null, "admin", ADMIN_PASSWORD,
                    Map.of());
            assertThat(r.statusCode()).as(method).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/json");
            assertThat(message(r)).contains("/api/no-such-thing");
        }
        var anonymous = http.send(HttpRequest.newBuilder(uri("/api/calls")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(message(anonymous)).isNotBlank();

        for (var query : List.of("page=2147483647&size=1000", "number=%00", "queue=a%00b",
                "from=-999999999-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            var r = send("GET", "/api/calls?" + query, null, "admin", ADMIN_PASSWORD, Map.of());
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(message(r)).as(query).isNotBlank();
        }
        var deep = send("GET", "/api/cases?q=x&page=5000&size=100", null, "admin", ADMIN_PASSWORD, Map.of());
        assertThat(deep.statusCode()).isEqualTo(400);

        var longNote = send("POST", "/api/cases", "{\"category\": \"PSYCHOLOGICAL_SUPPORT\", \"question\": \"Сұрақ\", "
                + "\"language\": \"kk\", \"referralNote\": \"" + "x".repeat(3000) + "\"}", "admin", ADMIN_PASSWORD, Map.of());
        assertThat(longNote.statusCode()).as("an unbounded field (a 20 MB note was stored)").isEqualTo(400);
        assertThat(longNote.body()).contains("referralNote").contains("too-long");

        var huge = send("POST", "/api/cases", "{\"referralNote\": \"" + "x".repeat(1_200_000) + "\"}", "admin",
                ADMIN_PASSWORD, Map.of());
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(message(huge)).contains("bytes");
    }

    @Test
    void every_answer_carries_the_security_headers_and_the_session_cookie_is_samesite() throws Exception {
        var login = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        var h = login.headers();
        assertThat(h.firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
                .contains("object-src 'none'").contains("frame-ancestors 'self'");
        assertThat(h.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(h.firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(h.firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(h.allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
        var api = send("GET", "/api/cases/taxonomy", null, "admin", ADMIN_PASSWORD, Map.of());
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void reading_the_audit_log_is_audited_and_case_searches_keep_no_search_text() throws Exception {
        send("GET", "/api/cases?q=" + URLEncoder.encode("Айгүл Сейітқызы", StandardCharsets.UTF_8), null, "admin",
                ADMIN_PASSWORD, Map.of());
        var audit = send("GET", "/api/admin/audit?limit=20", null, "admin", ADMIN_PASSWORD, Map.of());
        assertThat(audit.body()).contains("AUDIT_LOG_READ").doesNotContain("Сейітқызы");
        assertThat(jdbc.queryForList("select subject from audit_log where action in ('CASES_SEARCHED', 'CASES_LISTED')",
                String.class)).noneMatch(s -> s != null && s.contains("Сейітқызы"));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Makes (or finds) a user with the strong password through the API; returns it as the API shows it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> user(String name, String role) throws Exception {
        var r = send("POST", "/api/admin/users", "{\"username\": \"" + name + "\", \"displayName\": \"" + name
                + "\", \"password\": \"" + STRONG + "\", \"roles\": [\"" + role + "\"]}", "admin", ADMIN_PASSWORD, Map.of());
        if (r.statusCode() == 400 && message(r).contains("already taken")) {
            return Map.of("username", name);
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).contains("/api/admin/users/" + name);
        return JSON.readValue(r.body(), Map.class);
    }

    private HttpResponse<String> send(String method, String path, String body, String user, String password,
                                      Map<String, String> headers) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> signIn(HttpClient browser, String user, String password, Map<String, String> headers)
            throws Exception {
        browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.discarding());
        var form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var b = HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(b::header);
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @SuppressWarnings("unchecked")
    private static String message(HttpResponse<String> r) {
        return String.valueOf(JSON.readValue(r.body(), Map.class).get("message"));
    }
}
