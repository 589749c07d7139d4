package kz.hotline114.appointments;

/** Where a consultation happens: the centre's own hours, a public-reception day, or a mobile reception at an outside place. */
public enum AppointmentType { IN_PERSON, PUBLIC_RECEPTION, MOBILE_RECEPTION;

    /** True when the consultation takes one of the centre's rooms (a mobile reception is held elsewhere). */
    public boolean usesRoom() {
        return this != MOBILE_RECEPTION;
    }
}
