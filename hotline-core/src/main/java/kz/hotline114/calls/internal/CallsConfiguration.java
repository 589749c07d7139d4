package kz.hotline114.calls.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import kz.hotline114.calls.CallsProperties;
import kz.hotline114.calls.WrongNumberProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CallsProperties.class, WrongNumberProperties.class})
class CallsConfiguration {

    @Bean
    CallInterpreter callInterpreter(WrongNumberProperties wrongNumber) {
        return new CallInterpreter(IvrMenu.load(), Duration.ofSeconds(wrongNumber.shortCallSeconds()));
    }
}
