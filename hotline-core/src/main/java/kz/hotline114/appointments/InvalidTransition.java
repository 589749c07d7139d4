package kz.hotline114.appointments;

/** An appointment's status may only move BOOKED → ATTENDED / NO_SHOW / CANCELLED. */
public class InvalidTransition extends RuntimeException {

    private final AppointmentStatus from;
    private final AppointmentStatus to;

    public InvalidTransition(long id, AppointmentStatus from, AppointmentStatus to) {
        super("appointment " + id + " is " + from + " and cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public AppointmentStatus from() {
        return from;
    }

    public AppointmentStatus to() {
        return to;
    }
}
