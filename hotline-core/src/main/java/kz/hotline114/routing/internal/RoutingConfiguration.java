package kz.hotline114.routing.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Shift changes and due callbacks run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RoutingConfiguration {
}
