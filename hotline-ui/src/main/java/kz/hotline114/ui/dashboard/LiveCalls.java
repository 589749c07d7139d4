package kz.hotline114.ui.dashboard;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.vaadin.flow.shared.Registration;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallRecorded;
import kz.hotline114.calls.CallUpdated;

/** Hands call changes to open views (which push them to the browser). */
@Component
public class LiveCalls {

    private final CopyOnWriteArrayList<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();

    public Registration register(Consumer<Call> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(CallUpdated e) {
        listeners.forEach(l -> l.accept(e.call()));
    }

    @EventListener
    void on(CallRecorded e) {
        listeners.forEach(l -> l.accept(e.call()));
    }
}
