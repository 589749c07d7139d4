package kz.hotline114.ui.risk;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

import kz.hotline114.risk.RiskAcknowledged;
import kz.hotline114.risk.RiskFlagged;
import kz.hotline114.risk.RiskOverdue;

/** Hands the risk events (a flag, its acknowledgement, an overdue follow-up) to the supervisors' open screens. */
@Component
public class RiskAlerts {

    private static final Logger log = LoggerFactory.getLogger(RiskAlerts.class);

    private final CopyOnWriteArrayList<Consumer<Object>> listeners = new CopyOnWriteArrayList<>();

    public Registration register(Consumer<Object> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void flagged(RiskFlagged e) {
        hand(e);
    }

    @EventListener
    void acknowledged(RiskAcknowledged e) {
        hand(e);
    }

    @EventListener
    void overdue(RiskOverdue e) {
        hand(e);
    }

    private void hand(Object event) {
        for (var listener : listeners) {
            try {
                listener.accept(event);
            } catch (UIDetachedException gone) {
                // a browser left between its detach and the removal of its listener
            } catch (RuntimeException failure) {
                log.warn("A screen failed to take a risk alert: {}", failure.toString());
            }
        }
    }
}
