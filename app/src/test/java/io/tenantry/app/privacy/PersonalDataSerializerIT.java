package io.tenantry.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.TenantryIntegrationTest;
import io.tenantry.contracts.privacy.ErasePersonalDataCommand;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The serializer decorator against the real key table: what goes to storage, and what comes back after erasure. */
@TenantryIntegrationTest
class PersonalDataSerializerIT {

    @Autowired
    private Serializer serializer;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private SubjectFingerprints fingerprints;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void storesNoPlaintextOfPersonalDataAndReadsItBack() {
        TenantContact jane = contact("Jane Plaintext", "+31 6 1111 2222", true);
        TenantCreatedEvent event = created(jane);

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        String json = new String(stored.getData(), StandardCharsets.UTF_8);

        assertThat(json)
                .doesNotContain(jane.email())
                .doesNotContain("Jane Plaintext")
                .doesNotContain("1111 2222")
                .contains("\"slug\":\"" + event.slug() + "\"")
                .contains("pd1.")
                .contains("\"primary\":true");
        assertThat(serializer.<byte[], TenantCreatedEvent>deserialize(stored)).isEqualTo(event);
        assertThat(stored.getType().getRevision()).isEqualTo("4");
    }

    @Test
    void keepsOneWrappedKeyPerPersonWhateverTheCaseOfTheAddress() {
        TenantContact jane = contact("Jane", null, false);
        serializer.serialize(created(jane), byte[].class);
        serializer.serialize(
                created(new TenantContact("J. Doe", jane.email().toUpperCase(), null, false)), byte[].class);

        List<byte[]> keys = jdbc.queryForList(
                "select wrapped_key from privacy_subject_key where subject_id = ?",
                byte[].class,
                fingerprints.of(jane.email()));
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).as("nonce, sealed 256-bit key, tag").hasSize(12 + 32 + 16);
    }

    @Test
    void readsAnErasedPersonAsTheMarkerAndLeavesOthersAlone() {
        TenantContact jane = contact("Jane Erased", "+1 555 0100", true);
        TenantContact john = contact("John Kept", null, false);
        TenantCreatedEvent event = created(jane, john);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        commands.sendAndWait(new ErasePersonalDataCommand(jane.email().toUpperCase()));
        TenantCreatedEvent read = serializer.deserialize(stored);

        assertThat(read.contacts().get(0))
                .isEqualTo(new TenantContact(Erasure.MARKER, Erasure.MARKER, Erasure.MARKER, true));
        assertThat(read.contacts().get(1)).isEqualTo(john);
        assertThat(read.name()).isEqualTo(event.name());
        assertThat(read.slug()).isEqualTo(event.slug());
    }

    @Test
    void givesAReturningPersonANewKeyThatCannotOpenTheErasedData() {
        TenantContact jane = contact("Jane Before", null, false);
        SerializedObject<byte[]> before = serializer.serialize(created(jane), byte[].class);
        commands.sendAndWait(new ErasePersonalDataCommand(jane.email()));

        TenantContact janeAgain = new TenantContact("Jane After", jane.email(), null, false);
        SerializedObject<byte[]> after = serializer.serialize(created(janeAgain), byte[].class);

        assertThat(serializer.<byte[], TenantCreatedEvent>deserialize(after).contacts())
                .containsExactly(janeAgain);
        assertThat(serializer
                        .<byte[], TenantCreatedEvent>deserialize(before)
                        .contacts()
                        .get(0)
                        .name())
                .isEqualTo(Erasure.MARKER);
    }

    @Test
    void passesTypesWithoutPersonalDataThrough() {
        TenantCreatedEvent noContacts = created();

        SerializedObject<byte[]> stored = serializer.serialize(noContacts, byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).doesNotContain("pd1.");
        assertThat(serializer.<byte[], TenantCreatedEvent>deserialize(stored)).isEqualTo(noContacts);
    }

    private static TenantContact contact(String name, String phone, boolean primary) {
        return new TenantContact(name, "person-" + UUID.randomUUID() + "@example.com", phone, primary);
    }

    private static TenantCreatedEvent created(TenantContact... contacts) {
        String id = UUID.randomUUID().toString();
        return new TenantCreatedEvent(
                id,
                "Serializer Test",
                "ser-" + id.substring(0, 8),
                TenantTier.POOLED,
                List.of(contacts),
                null,
                null,
                null,
                null,
                null);
    }
}
