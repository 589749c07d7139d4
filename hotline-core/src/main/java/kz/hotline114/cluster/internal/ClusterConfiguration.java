package kz.hotline114.cluster.internal;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import kz.hotline114.cluster.ClusterProperties;

/** This node's leases, and its health saying which it holds. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    @Bean
    JdbcNodeLeases nodeLeases(DataSource dataSource, ClusterProperties props,
                              org.springframework.context.ApplicationEventPublisher publisher) {
        return new JdbcNodeLeases(dataSource, props, publisher::publishEvent);
    }

    @Bean
    org.springframework.boot.health.contributor.HealthIndicator leasesHealthIndicator(JdbcNodeLeases leases) {
        return () -> org.springframework.boot.health.contributor.Health.up().withDetail("node", leases.nodeId())
                .withDetail("leases", new java.util.TreeSet<>(leases.held())).build();
    }
}
