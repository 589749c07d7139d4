package kz.hotline114.ui.dashboard;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.vaadin.flow.shared.Registration;

import kz.hotline114.live.LiveChanged;
import kz.hotline114.live.LiveSnapshot;

/** Hands live-state changes to open views (which push them to the browser). */
@Component
public class LiveUpdates {

    private final CopyOnWriteArrayList<Consumer<LiveSnapshot>> listeners = new CopyOnWriteArrayList<>();

    public Registration register(Consumer<LiveSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(LiveChanged e) {
        listeners.forEach(l -> l.accept(e.snapshot()));
    }
}
