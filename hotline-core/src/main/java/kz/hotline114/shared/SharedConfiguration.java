package kz.hotline114.shared;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineProperties.class)
class SharedConfiguration {

    /**
     * The one clock every service, view and API asks the time (in the hotline's zone, so that
     * {@code LocalDate.now(clock)} is the hotline's "today"). Tests put their own in its place to choose
     * when they run; main code never reads the machine's time directly (ModularityTest checks it).
     */
    @Bean
    Clock clock(HotlineProperties props) {
        return Clock.system(props.zone());
    }
}
