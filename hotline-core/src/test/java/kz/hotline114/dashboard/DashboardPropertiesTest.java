package kz.hotline114.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each queue's service-level target and wait colours: its own where configured, the defaults elsewhere. */
class DashboardPropertiesTest {

    @Test
    void a_queue_named_takes_its_targets_and_the_others_the_defaults() {
        var props = new DashboardProperties(20, Duration.ofSeconds(60), Map.of("theologians",
                new DashboardProperties.QueueTarget(30, 90, Duration.ofSeconds(20), null)));
        var theologians = props.target("theologians");
        assertThat(theologians.serviceLevelSeconds()).isEqualTo(30);
        assertThat(theologians.targetPercent()).isEqualTo(90);
        assertThat(theologians.waitWarn()).isEqualTo(Duration.ofSeconds(20));
        assertThat(theologians.waitAlert()).as("not set: the line's").isEqualTo(Duration.ofSeconds(60));
        var other = props.target("psychologists");
        assertThat(other.serviceLevelSeconds()).isEqualTo(20);
        assertThat(other.targetPercent()).isEqualTo(DashboardProperties.DEFAULT_TARGET_PERCENT);
        assertThat(other.waitWarn()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_target_outside_1_to_100_percent_is_refused_at_start() {
        assertThatThrownBy(() -> new DashboardProperties(20, Duration.ofSeconds(60), Map.of("x",
                new DashboardProperties.QueueTarget(null, 120, null, null))))
                .hasMessageContaining("hotline.dashboard.queues.x.target-percent");
    }
}
