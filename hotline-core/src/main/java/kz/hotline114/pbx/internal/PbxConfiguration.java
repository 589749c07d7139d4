package kz.hotline114.pbx.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import kz.hotline114.pbx.AmiProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AmiProperties.class)
class PbxConfiguration {
}
