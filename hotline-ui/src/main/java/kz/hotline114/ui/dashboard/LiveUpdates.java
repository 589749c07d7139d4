package kz.hotline114.ui.dashboard;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

import kz.hotline114.live.LiveChanged;
import kz.hotline114.live.LiveSnapshot;

/** Hands live-state changes to open views (which push them to the browser). */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final CopyOnWriteArrayList<Consumer<LiveSnapshot>> listeners = new CopyOnWriteArrayList<>();

    public Registration register(Consumer<LiveSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(LiveChanged e) {
        for (var listener : listeners) {
            try {
                listener.accept(e.snapshot());
            } catch (UIDetachedException gone) {
                // a browser left between its view's detach and the removal of its listener: nothing to show
            } catch (RuntimeException failure) {
                // one view's failure must not keep the change from the others
                log.warn("A view failed to take a live change: {}", failure.toString());
            }
        }
    }
}
