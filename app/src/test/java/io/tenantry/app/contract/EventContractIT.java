package io.tenantry.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tenantry.app.axon.AxonConfiguration;
import io.tenantry.app.test.TenantryIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Events are forever, so their JSON is a contract: every event type on the classpath has a {@code @Revision} and a
 * committed fixture {@code event-contract/<package>/<Type>.r<revision>.json} equal to the JSON of its sample; every
 * older fixture still reads, through the upcasters, as the current revision. Changing a shape without a new revision
 * fails here; so does adding an event without its fixture. Run with {@code -Dtenantry.contract.write=true} to have
 * missing fixtures written (never overwritten) under app/src/test/resources.
 */
@TenantryIntegrationTest
class EventContractIT {

    private static final String CONTRACTS = "io.tenantry.contracts";
    private static final Pattern FIXTURE = Pattern.compile(".*/event-contract/(.+)/([A-Za-z0-9]+)\\.r([^/]+)\\.json$");
    private static final ObjectMapper PRETTY =
            AxonConfiguration.axonObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Autowired
    private Serializer serializer;

    @Autowired
    private Configuration axon;

    @Test
    void knowsSomeEvents() {
        assertThat(eventTypes())
                .extracting(Class::getSimpleName)
                .contains("TenantCreatedEvent", "PersonalDataErasedEvent");
    }

    @TestFactory
    Stream<DynamicTest> everyEventMatchesTheFixtureOfItsRevision() {
        return eventTypes().stream()
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
                    Revision revision = type.getAnnotation(Revision.class);
                    assertThat(revision).as(type.getName() + " needs @Revision").isNotNull();
                    // through text, as the fixture is read: a long that fits an int parses back as an int node
                    JsonNode actual = PRETTY.readTree(PRETTY.writeValueAsString(SampleEvents.sample(type)));
                    String path = fixturePath(type, revision.value());
                    Resource fixture = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
                    if (!fixture.exists()) {
                        writeIfAsked(path, actual);
                        fail("No contract fixture for " + type.getName() + " revision " + revision.value() + ". Add "
                                + "app/src/test/resources/" + path + " with:\n" + PRETTY.writeValueAsString(actual));
                    }
                    JsonNode expected = PRETTY.readTree(fixture.getInputStream());
                    assertThat(actual)
                            .as(
                                    "the JSON shape of %s revision %s changed: give it a new @Revision, a new fixture "
                                            + "and an upcaster from this one",
                                    type.getName(), revision.value())
                            .isEqualTo(expected);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyOlderRevisionStillReadsAsTheCurrentOne() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Resource> entry : fixtures().entrySet()) {
            Matcher name = FIXTURE.matcher(entry.getKey());
            assertThat(name.matches()).isTrue();
            String className = CONTRACTS + "." + name.group(1).replace('/', '.') + "." + name.group(2);
            String revision = name.group(3);
            tests.add(DynamicTest.dynamicTest(name.group(2) + " r" + revision, () -> {
                Class<?> type;
                try {
                    type = Class.forName(className);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("fixture " + entry.getKey() + " names no event type: " + className, e);
                }
                String current = type.getAnnotation(Revision.class).value();
                IntermediateEventRepresentation upcast =
                        upcast(className, revision, entry.getValue().getContentAsByteArray());
                assertThat(upcast.getType().getRevision())
                        .as("revision after upcasting")
                        .isEqualTo(current);
                Object event = serializer.deserialize(upcast.getData());
                assertThat(event).isInstanceOf(type);
            }));
        }
        return tests.stream();
    }

    @Test
    void everyFixtureBelongsToAnEventType() throws IOException {
        List<String> eventNames = eventTypes().stream().map(Class::getName).toList();
        for (String path : fixtures().keySet()) {
            Matcher name = FIXTURE.matcher(path);
            assertThat(name.matches()).as(path).isTrue();
            assertThat(eventNames)
                    .as("fixture " + path)
                    .contains(CONTRACTS + "." + name.group(1).replace('/', '.') + "." + name.group(2));
        }
    }

    /** Reads old JSON the way the event store does: through the upcaster chain. */
    IntermediateEventRepresentation upcast(String className, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Contract",
                "contract-aggregate",
                0,
                "contract-event",
                Instant.now(),
                className,
                revision,
                payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> result = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    static List<Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<Class<?>> types = new ArrayList<>();
        for (var definition : scanner.findCandidateComponents(CONTRACTS)) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                if (type.getSimpleName().endsWith("Event")) {
                    types.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        types.sort(java.util.Comparator.comparing(Class::getName));
        return types;
    }

    private static Map<String, Resource> fixtures() throws IOException {
        Map<String, Resource> fixtures = new TreeMap<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:event-contract/**/*.json")) {
            fixtures.put(resource.getURL().toString(), resource);
        }
        return fixtures;
    }

    static String fixturePath(Class<?> type, String revision) {
        String subPackage =
                type.getPackageName().substring(CONTRACTS.length() + 1).replace('.', '/');
        return "event-contract/" + subPackage + "/" + type.getSimpleName() + ".r" + revision + ".json";
    }

    private static void writeIfAsked(String path, JsonNode json) throws IOException {
        if (Boolean.getBoolean("tenantry.contract.write")) {
            Path file = Path.of("src/test/resources").resolve(path);
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, PRETTY.writeValueAsString(json) + "\n");
            }
        }
    }
}
