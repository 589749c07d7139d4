package kz.hotline114.appointments;

/** A room of a centre where consultations are held; one consultation at a time. */
public record Room(long id, long centreId, String name) {
}
