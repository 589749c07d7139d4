package kz.hotline114.ui.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.appointments.ExpertKind;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.NewExpert;
import kz.hotline114.security.Role;
import kz.hotline114.security.UserAccounts;
import kz.hotline114.shared.Region;
import kz.hotline114.ui.UiIT;

/** The centre's REST API over real HTTP with HTTP Basic: 201, 409 on a double booking, 400 with field messages, roles. */
class AppointmentsApiIT extends UiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    ExpertPool pool;
    @Autowired
    UserAccounts users;

    private final HttpClient http = HttpClient.newHttpClient();
    long centreId;
    long expertId;
    long otherExpertId;
    String caseNumber;

    @BeforeEach
    void centreAndUsers() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("it", "n/a", "ROLE_ADMIN"));
        int n = SEQ.incrementAndGet();
        var c = pool.addCentre("API centre " + n, "API street " + n, "Талдықорған", Region.JETISU, null);
        pool.addRoom(c.id(), "221");
        centreId = c.id();
        expertId = pool.addExpert(new NewExpert("API expert A" + n, ExpertKind.THEOLOGIAN, "теолог", null, List.of("kk"),
                "+7 700 000 00 01", false)).id();
        otherExpertId = pool.addExpert(new NewExpert("API expert B" + n, ExpertKind.PSYCHOLOGIST, "психолог", null,
                List.of("ru"), null, false)).id();
        caseNumber = openCase("API booking " + n);
        for (var role : Set.of(Role.REPORTER, Role.SPECIALIST)) {
            var name = "api-" + role.name().toLowerCase();
            if (users.find(name).isEmpty()) {
                users.create(name, name, "booking-pass-114", Set.of(role));
            }
        }
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> send(String method, String path, String user, String password, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, "admin", ADMIN_PASSWORD, body);
    }

    private String booking(long expert, String start, String end, String type, String caseNumber) {
        return "{\"expertId\": " + expert + ", \"centreId\": " + centreId + ", \"start\": \"" + start + "\", \"end\": \""
                + end + "\", \"type\": \"" + type + "\"" + (caseNumber == null ? "" : ", \"caseNumber\": \"" + caseNumber
                + "\"") + "}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        return JSON.readValue(r.body(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_booking_gets_201_with_its_id_and_is_listed_and_the_same_slot_again_gets_409() throws Exception {
        var created = admin("POST", "/api/appointments", booking(expertId, "2034-02-07T05:00:00Z",
                "2034-02-07T06:00:00Z", "IN_PERSON", caseNumber));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var id = ((Number) json(created).get("id")).longValue();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/appointments/" + id);

        var again = admin("POST", "/api/appointments", booking(expertId, "2034-02-07T05:30:00Z",
                "2034-02-07T06:30:00Z", "IN_PERSON", null));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again)).containsEntry("conflict", "EXPERT");
        var room = admin("POST", "/api/appointments", booking(otherExpertId, "2034-02-07T05:00:00Z",
                "2034-02-07T06:00:00Z", "PUBLIC_RECEPTION", null));
        assertThat(room.statusCode()).isEqualTo(409);
        assertThat(json(room)).containsEntry("conflict", "ROOM");
        var mobile = admin("POST", "/api/appointments", booking(otherExpertId, "2034-02-07T05:00:00Z",
                "2034-02-07T06:00:00Z", "MOBILE_RECEPTION", null));
        assertThat(mobile.statusCode()).isEqualTo(201);

        var list = admin("GET", "/api/appointments?from=2034-02-07T00:00:00Z&to=2034-02-08T00:00:00Z", null);
        assertThat(list.statusCode()).isEqualTo(200);
        var items = (List<Map<String, Object>>) JSON.readValue(list.body(), List.class);
        assertThat(items).anySatisfy(i -> {
            assertThat(((Number) i.get("id")).longValue()).isEqualTo(id);
            assertThat(i.get("caseNumber")).isEqualTo(caseNumber);
            assertThat(i.get("status")).isEqualTo("BOOKED");
            assertThat(i.get("start")).isEqualTo("2034-02-07T05:00:00Z");
        });

        var cancelled = admin("POST", "/api/appointments/" + id + "/cancel", "{\"reason\": \"moved\"}");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(admin("POST", "/api/appointments/" + id + "/attended", null).statusCode()).isEqualTo(409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bad_input_gets_400_with_a_message_per_field() throws Exception {
        var r = admin("POST", "/api/appointments", "{\"expertId\": \"x\", \"centreId\": " + centreId
                + ", \"start\": \"tomorrow\", \"end\": \"2034-02-07T06:00:00Z\", \"type\": \"HOME_VISIT\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        var errors = (Map<String, String>) json(r).get("errors");
        assertThat(errors).containsOnlyKeys("expertId", "start", "type");
        assertThat(errors.get("type")).contains("HOME_VISIT");
        assertThat((String) json(r).get("message")).isNotBlank();

        var wrong = admin("POST", "/api/appointments", booking(expertId, "2034-02-08T06:00:00Z", "2034-02-08T05:00:00Z",
                "IN_PERSON", "42"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat((Map<String, String>) json(wrong).get("errors")).containsOnlyKeys("end", "caseNumber");
        var unknownCase = admin("POST", "/api/appointments", booking(expertId, "2034-02-08T05:00:00Z",
                "2034-02-08T06:00:00Z", "IN_PERSON", "114-2034-99999"));
        assertThat(unknownCase.statusCode()).isEqualTo(400);
        assertThat((Map<String, String>) json(unknownCase).get("errors")).containsOnlyKeys("caseNumber")
                .hasEntrySatisfying("caseNumber", m -> assertThat(m).contains("no consultation case"));
        var mixed = admin("POST", "/api/appointments", "{\"expertId\": " + expertId + ", \"centreId\": " + centreId
                + ", \"start\": \"2034-02-08T06:00:00Z\", \"end\": \"2034-02-08T05:00:00Z\", \"type\": \"VISIT\"}");
        assertThat((Map<String, String>) json(mixed).get("errors")).containsOnlyKeys("type", "end");

        assertThat(admin("POST", "/api/appointments", "not json").statusCode()).isEqualTo(400);
        assertThat(admin("POST", "/api/appointments", booking(expertId + 1_000_000, "2034-02-08T05:00:00Z",
                "2034-02-08T06:00:00Z", "IN_PERSON", null)).statusCode()).isEqualTo(400);
        assertThat(admin("GET", "/api/appointments?from=yesterday&to=2034-01-01T00:00:00Z", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void experts_and_centres_are_listed_and_a_reporter_sees_counts_but_no_contacts_and_cannot_book() throws Exception {
        var centres = (List<Map<String, Object>>) JSON.readValue(admin("GET", "/api/centres", null).body(), List.class);
        assertThat(centres).anySatisfy(c -> {
            assertThat(c.get("city")).isEqualTo("Талдықорған");
            assertThat(c.get("openedOn")).isEqualTo("2019-07-02");
        });
        var staffView = (List<Map<String, Object>>) JSON.readValue(
                send("GET", "/api/experts", "api-specialist", "booking-pass-114", null).body(), List.class);
        assertThat(staffView).anySatisfy(e -> {
            assertThat(((Number) e.get("id")).longValue()).isEqualTo(expertId);
            assertThat(e.get("contact")).isEqualTo("+7 700 000 00 01");
        });
        assertThat(staffView).extracting(e -> e.get("fullName")).contains("Шакимова Лола Сергеевна");

        var reporterView = (List<Map<String, Object>>) JSON.readValue(
                send("GET", "/api/experts", "api-reporter", "booking-pass-114", null).body(), List.class);
        assertThat(reporterView).isNotEmpty().allSatisfy(e -> assertThat(e).doesNotContainKey("contact"));
        assertThat(send("POST", "/api/appointments", "api-reporter", "booking-pass-114",
                booking(expertId, "2034-03-01T05:00:00Z", "2034-03-01T06:00:00Z", "IN_PERSON", null)).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/appointments?from=2034-01-01T00:00:00Z&to=2035-01-01T00:00:00Z", "api-reporter",
                "booking-pass-114", null).statusCode()).isEqualTo(403);
        var counts = send("GET", "/api/appointments/counts?from=2019-07-01&to=2019-10-31", "api-reporter",
                "booking-pass-114", null);
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(((Number) json(counts).get("events")).intValue()).isGreaterThanOrEqualTo(3);

        var specialist = send("POST", "/api/appointments", "api-specialist", "booking-pass-114",
                booking(expertId, "2034-03-02T05:00:00Z", "2034-03-02T06:00:00Z", "IN_PERSON", null));
        assertThat(specialist.statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/experts", "api-reporter", "wrong", null).statusCode()).isEqualTo(401);
    }
}
