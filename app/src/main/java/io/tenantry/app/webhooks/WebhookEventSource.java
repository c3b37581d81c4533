package io.tenantry.app.webhooks;

import io.tenantry.contracts.lifecycle.LifecycleNotice;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Where webhook deliveries come from: what an event of the store is told as, to endpoints, as CloudEvents (none,
 * one, or several). Each source is a bean; the deliveries processor asks every one about every event.
 */
public interface WebhookEventSource {

    List<LifecycleNotice> notices(EventMessage<?> event);
}
