package kz.hotline114.appointments;

import java.time.LocalDate;
import java.util.Map;

import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.SocialStatus;

/**
 * The centre's figures for a period (both days inclusive, hotline zone).
 *
 * @param appointments          appointments starting in the period, any status (cancelled included)
 * @param byType                the same, by type (a mobile reception's consultations count as MOBILE_RECEPTION)
 * @param byStatus              the same, by status
 * @param consultationsByKind   consultations held (status ATTENDED) by the expert's kind
 * @param consultationsHeld     appointments with status ATTENDED: the "individual consultations" of the report
 * @param byTypeAndStatus       appointments by type, then by status (every type and status listed, zeros too): e.g.
 *                              the consultations held at mobile receptions are {@code [MOBILE_RECEPTION][ATTENDED]}
 * @param walkInsHeld           consultations held (ATTENDED) for a client without a consultation case: walk-ins
 * @param events                events of the register held in the period
 * @param participants          their participants, summed
 * @param participantsByGender  participants by gender, where the event recorded it
 * @param participantsByAge     participants by age bracket, where recorded
 * @param participantsBySocialStatus participants by social status, where recorded
 */
public record CentreCounts(LocalDate from, LocalDate to, long appointments, Map<AppointmentType, Long> byType,
                           Map<AppointmentStatus, Long> byStatus, Map<ExpertKind, Long> consultationsByKind,
                           long consultationsHeld, long events, long participants,
                           Map<Gender, Long> participantsByGender, Map<AgeBracket, Long> participantsByAge,
                           Map<SocialStatus, Long> participantsBySocialStatus,
                           Map<AppointmentType, Map<AppointmentStatus, Long>> byTypeAndStatus, long walkInsHeld) {

    /** Consultations held (status ATTENDED) of one type: {@code heldOf(MOBILE_RECEPTION)} is the report's mobile figure. */
    public long heldOf(AppointmentType type) {
        return byTypeAndStatus.getOrDefault(type, Map.of()).getOrDefault(AppointmentStatus.ATTENDED, 0L);
    }
}
