package io.tenantry.app.test;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every test context at a stand-in (registered in META-INF/spring.factories): its properties go first, read
 * when the context is made (so the stand-in starts then, once per JVM). The customizers of one factory are equal, so
 * Spring's context cache still holds one context for all tests.
 */
public abstract class PropertiesFirst implements ContextCustomizerFactory {

    /** The name of the property source. */
    protected abstract String name();

    /** The properties, read when a context is made. */
    protected abstract Map<String, Object> properties();

    /** Whether the test class's context gets the stand-in; all do unless a stand-in says otherwise. */
    protected boolean appliesTo(Class<?> testClass) {
        return true;
    }

    @Override
    public final ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return appliesTo(testClass) ? new Customizer(this) : null;
    }

    private record Customizer(PropertiesFirst factory) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(factory.name(), factory.properties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer customizer && customizer.factory.getClass() == factory.getClass();
        }

        @Override
        public int hashCode() {
            return factory.getClass().hashCode();
        }
    }
}
