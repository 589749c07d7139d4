package kz.hotline114.support;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts the {@link TestClock} in place of the app's clock in every Spring test context (registered in
 * {@code META-INF/spring.factories}, so no test can forget it): a primary {@code Clock} bean in the zone the
 * context configures ({@code hotline.zone}).
 */
public final class TestClockContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (!(context.getBeanFactory() instanceof BeanDefinitionRegistry registry)) {
                throw new IllegalStateException("cannot register the test clock in " + context);
            }
            var env = context.getEnvironment();
            var definition = new RootBeanDefinition(Clock.class,
                    () -> TestClock.get().withZone(ZoneId.of(env.getProperty("hotline.zone", "Asia/Almaty"))));
            definition.setPrimary(true);
            registry.registerBeanDefinition("testClock", definition);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
