package io.tenantry.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code TenantCreatedEvent}'s upcasters, one per revision step, applied in order. */
final class TenantCreatedEventUpcaster {

    private static final String TYPE = TenantCreatedEvent.class.getName();

    private TenantCreatedEventUpcaster() {}

    /** Revision 1 → 2: tenants created before contacts existed have none. */
    @Component
    @Order(0)
    static class ToRevision2 extends Step {
        ToRevision2() {
            super("1", "2", payload -> {
                ((ObjectNode) payload).putArray("contacts");
                return payload;
            });
        }
    }

    /** Revision 2 → 3: address, industry, settings and lead id came later; older tenants have none of them. */
    @Component
    @Order(1)
    static class ToRevision3 extends Step {
        ToRevision3() {
            super("2", "3", payload -> {
                ((ObjectNode) payload).putObject("settings");
                return payload;
            });
        }
    }

    /** Revision 3 → 4: the plan a tenant starts on was not recorded before; none means the catalogue's default. */
    @Component
    @Order(2)
    static class ToRevision4 extends Step {
        ToRevision4() {
            super("3", "4", payload -> payload);
        }
    }

    abstract static class Step extends SingleEventUpcaster {

        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final UnaryOperator<JsonNode> change;

        Step(String fromRevision, String toRevision, UnaryOperator<JsonNode> change) {
            this.from = new SimpleSerializedType(TYPE, fromRevision);
            this.to = new SimpleSerializedType(TYPE, toRevision);
            this.change = change;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return from.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, change::apply);
        }
    }
}
