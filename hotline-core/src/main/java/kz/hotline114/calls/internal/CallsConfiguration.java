package kz.hotline114.calls.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import kz.hotline114.calls.CallsProperties;
import kz.hotline114.calls.IvrMenu;
import kz.hotline114.calls.WrongNumberProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CallsProperties.class, WrongNumberProperties.class})
class CallsConfiguration {

    /** The IVR menu the dialplan implements: its keys, and the one list of queues every feature and screen uses. */
    @Bean
    IvrMenu ivrMenu() {
        return IvrMenu.load();
    }

    @Bean
    CallInterpreter callInterpreter(IvrMenu menu, WrongNumberProperties wrongNumber) {
        return new CallInterpreter(menu, Duration.ofSeconds(wrongNumber.shortCallSeconds()));
    }
}
