package kz.hotline114.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.hotline114.CoreTestApplication;
import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.Cases;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.shared.Region;
import kz.hotline114.support.TestDatabase;

/**
 * Base of the centre's integration tests: the core features on a real PostgreSQL (no PBX). Every test builds
 * its own centre and experts, so tests sharing the database never see each other's bookings.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "hotline.ami.demo.enabled=false")
abstract class CentreIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ExpertPool pool;
    @Autowired
    Appointments appointments;
    @Autowired
    ReceptionSchedule schedule;
    @Autowired
    EventsRegister events;
    @Autowired
    AppointmentStatistics statistics;
    @Autowired
    HotlineProperties props;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Cases cases;

    @BeforeEach
    void signInAsAdmin() {
        signIn("ADMIN");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String... roles) {
        var authorities = java.util.Arrays.stream(roles).map(r -> "ROLE_" + r).toArray(String[]::new);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("it-" + roles[0].toLowerCase(),
                "n/a", authorities));
    }

    Centre centre(String... rooms) {
        var c = pool.addCentre("Test centre " + SEQ.incrementAndGet(), "Test street 1", "Талдықорған", Region.JETISU,
                LocalDate.of(2019, 7, 2));
        for (var r : rooms) {
            pool.addRoom(c.id(), r);
        }
        return pool.centre(c.id()).orElseThrow();
    }

    Expert expert(ExpertKind kind) {
        return pool.addExpert(new NewExpert("Test expert " + SEQ.incrementAndGet(), kind, "test " + kind, null,
                List.of("kk", "ru"), "+7 701 000 00 00", false));
    }

    /** Opens a consultation case (as the signed-in staff member) and returns its number: a booking may name it. */
    String openCase() {
        return cases.open(new CaseDraft(null, null, "PSYCHOLOGICAL_SUPPORT", null, "Кеңес керек", null, "kk",
                new CallerProfile(null, null, null, null), null, true, null, null));
    }

    Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(props.zone()).toInstant();
    }

    BookingRequest request(Expert e, Centre c, Instant start, Instant end, AppointmentType type) {
        return BookingRequest.of(e.id(), c.id(), start, end, type, null);
    }

    Appointment booked(BookingResult result) {
        if (result instanceof BookingResult.Booked(var a)) {
            return a;
        }
        throw new AssertionError("not booked: " + result);
    }
}
