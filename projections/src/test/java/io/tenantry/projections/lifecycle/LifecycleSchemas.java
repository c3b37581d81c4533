package io.tenantry.projections.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.tenantry.contracts.lifecycle.LifecycleEventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lifecycle schemas of api-contracts: a CloudEvent is valid when its envelope and its type's data both are. Shared
 * with the app's integration tests through this module's test jar.
 */
public final class LifecycleSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private LifecycleSchemas() {}

    static boolean exists(String resource) {
        return LifecycleSchemas.class.getClassLoader().getResource(resource) != null;
    }

    /** What is wrong with this CloudEvent (JSON) by the schemas; empty when nothing is. */
    public static List<String> violations(JsonNode event) {
        List<String> violations = new ArrayList<>();
        schema(LifecycleEventTypes.ENVELOPE_SCHEMA).validate(event).stream()
                .map(Error::toString)
                .forEach(violations::add);
        String dataSchema = LifecycleEventTypes.dataSchema(event.path("type").asText());
        if (!exists(dataSchema)) {
            violations.add("no schema " + dataSchema);
        } else {
            schema(dataSchema).validate(event.path("data")).stream()
                    .map(error -> "data: " + error)
                    .forEach(violations::add);
        }
        return violations;
    }

    private static Schema schema(String resource) {
        return LOADED.computeIfAbsent(resource, name -> {
            try (InputStream in = LifecycleSchemas.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema " + name);
                }
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
