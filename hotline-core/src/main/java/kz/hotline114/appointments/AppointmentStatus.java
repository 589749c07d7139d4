package kz.hotline114.appointments;

/** BOOKED → ATTENDED / NO_SHOW / CANCELLED; the three outcomes are final. */
public enum AppointmentStatus {
    BOOKED, ATTENDED, NO_SHOW, CANCELLED;

    public boolean canBecome(AppointmentStatus next) {
        return this == BOOKED && next != BOOKED;
    }
}
