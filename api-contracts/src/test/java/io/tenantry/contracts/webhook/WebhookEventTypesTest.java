package io.tenantry.contracts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.contracts.DomainRefusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventTypesTest {

    private static final String MEMBER_ADDED = "io.tenantry.tenant.member-added.v1";

    @Test
    void patternsLeaveThePrefixAndTheVersionOptional() {
        assertThat(WebhookEventTypes.matches("tenant.member-added", MEMBER_ADDED))
                .isTrue();
        assertThat(WebhookEventTypes.matches("tenant.member-added.v1", MEMBER_ADDED))
                .isTrue();
        assertThat(WebhookEventTypes.matches("io.tenantry.tenant.member-added.v1", MEMBER_ADDED))
                .isTrue();
        assertThat(WebhookEventTypes.matches("tenant.member-added.v2", MEMBER_ADDED))
                .isFalse();
        assertThat(WebhookEventTypes.matches("tenant.member", MEMBER_ADDED)).isFalse();
        assertThat(WebhookEventTypes.matches("tenant.*", MEMBER_ADDED)).isTrue();
        assertThat(WebhookEventTypes.matches("audit.*", MEMBER_ADDED)).isFalse();
        assertThat(WebhookEventTypes.matches("audit.*", "io.tenantry.audit.member.added.v1"))
                .isTrue();
        assertThat(WebhookEventTypes.matches("*", MEMBER_ADDED)).isTrue();
    }

    @Test
    void unknownShapesAreRefused() {
        assertThat(WebhookEventTypes.valid(List.of(" Tenant.*", "tenant.*", "*")))
                .containsExactly("tenant.*", "*");
        for (List<String> bad : List.<List<String>>of(
                List.of(),
                List.of("tenant"),
                List.of("tenant..x"),
                List.of("*.x"),
                List.of("ten ant.x"),
                List.of(""))) {
            assertThatThrownBy(() -> WebhookEventTypes.valid(bad))
                    .as(bad.toString())
                    .isInstanceOfSatisfying(
                            DomainRefusal.class,
                            refusal -> assertThat(refusal.code()).isEqualTo("invalid_event_types"));
        }
    }
}
