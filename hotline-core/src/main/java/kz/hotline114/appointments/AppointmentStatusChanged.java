package kz.hotline114.appointments;

/** Published after an appointment was marked attended, no-show or cancelled. */
public record AppointmentStatusChanged(long appointmentId, AppointmentStatus from, AppointmentStatus to) {
}
