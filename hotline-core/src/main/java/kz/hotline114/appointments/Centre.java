package kz.hotline114.appointments;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import kz.hotline114.shared.Region;

/** A consultation and psychological-help centre (seed 004: Taldykorgan, opened 2 July 2019) with its rooms. */
public record Centre(long id, String name, String address, String city, Region region, @Nullable LocalDate openedOn,
                     List<Room> rooms) {

    public Centre {
        rooms = List.copyOf(rooms);
    }
}
