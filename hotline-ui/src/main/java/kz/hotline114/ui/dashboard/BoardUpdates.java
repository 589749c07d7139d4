package kz.hotline114.ui.dashboard;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.vaadin.flow.shared.Registration;

import kz.hotline114.dashboard.BoardChanged;
import kz.hotline114.dashboard.LiveBoard;

/** Hands live-board changes to open dashboards (which push them to the browser) and to the wall-board socket. */
@Component
class BoardUpdates {

    private final CopyOnWriteArrayList<Consumer<LiveBoard>> listeners = new CopyOnWriteArrayList<>();

    Registration register(Consumer<LiveBoard> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(BoardChanged e) {
        listeners.forEach(l -> l.accept(e.board()));
    }
}
