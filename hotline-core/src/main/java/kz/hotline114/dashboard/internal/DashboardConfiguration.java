package kz.hotline114.dashboard.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import kz.hotline114.dashboard.DashboardProperties;
import kz.hotline114.dashboard.WallboardProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DashboardProperties.class, WallboardProperties.class})
class DashboardConfiguration {
}
