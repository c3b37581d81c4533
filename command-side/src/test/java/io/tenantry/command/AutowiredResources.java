package io.tenantry.command;

import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Injects the given resources into a saga's {@code @Autowired} fields, as Spring does in the application, for
 * {@code SagaTestFixture} (whose own injector only knows {@code javax.inject.Inject}).
 */
public final class AutowiredResources extends SimpleResourceInjector {

    public AutowiredResources(Object... resources) {
        super(resources);
    }

    @Override
    protected String[] injectorAnnotationNames() {
        return new String[] {Autowired.class.getName()};
    }
}
