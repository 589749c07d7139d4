package kz.hotline114.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UIDetachedException;

import kz.hotline114.live.LiveChanged;
import kz.hotline114.live.LiveSnapshot;

/** A view whose browser has gone (or that fails) neither stops the others' updates nor prints a stack trace. */
class LiveUpdatesTest {

    @Test
    void a_gone_or_failing_view_does_not_keep_the_change_from_the_others() {
        var updates = new LiveUpdates();
        var seen = new ArrayList<LiveSnapshot>();
        updates.register(s -> {
            throw new UIDetachedException();
        });
        updates.register(s -> {
            throw new IllegalStateException("broken view");
        });
        updates.register(seen::add);
        var snapshot = new LiveSnapshot(Instant.parse("2026-12-06T10:00:00Z"), List.of(), List.of(), Map.of());

        updates.on(new LiveChanged(snapshot));

        assertThat(seen).containsExactly(snapshot);
    }
}
