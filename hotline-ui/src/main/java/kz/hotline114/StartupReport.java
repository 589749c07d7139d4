package kz.hotline114;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, logs the slowest beans of its start (from {@link BufferingApplicationStartup}, which
 * {@link HotlineApplication} installs): what to look at when a restart takes longer than it should (issue 21).
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private record Step(String name, Duration took) {
    }

    @EventListener
    void on(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext().getApplicationStartup() instanceof BufferingApplicationStartup startup)) {
            return;
        }
        var steps = new ArrayList<Step>();
        for (var e : startup.getBufferedTimeline().getEvents()) {
            var s = e.getStartupStep();
            if (s.getName().equals("spring.beans.instantiate")) {
                for (var t : s.getTags()) {
                    if (t.getKey().equals("beanName")) {
                        steps.add(new Step(t.getValue(), e.getDuration()));
                    }
                }
            }
        }
        var slowest = steps.stream().sorted(Comparator.comparing(Step::took).reversed()).limit(12)
                .map(s -> s.name() + " " + s.took().toMillis() + " ms").collect(Collectors.joining(", "));
        log.info("Ready in {} ms; the slowest beans to make (each with those it needed): {}",
                ready.getTimeTaken().toMillis(), slowest);
    }
}
