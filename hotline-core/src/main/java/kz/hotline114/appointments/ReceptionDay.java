package kz.hotline114.appointments;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A one-off reception: a public reception at the centre ({@link AppointmentType#PUBLIC_RECEPTION}) or a
 * mobile reception at an outside place such as a college ({@link AppointmentType#MOBILE_RECEPTION}, with the
 * place's name and address), with the experts who receive.
 */
public record ReceptionDay(long id, long centreId, AppointmentType kind, LocalDate day, LocalTime starts,
                           Duration length, Duration slotLength, @Nullable String placeName,
                           @Nullable String placeAddress, List<Long> expertIds, @Nullable String note) {

    public ReceptionDay {
        expertIds = List.copyOf(expertIds);
        if (kind == AppointmentType.IN_PERSON) {
            throw new IllegalArgumentException("a reception day is a public or a mobile reception");
        }
    }
}
