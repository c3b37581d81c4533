package io.tenantry.command.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.contracts.DomainRefusal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationPolicyTest {

    private final InvitationPolicy policy = new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(30));
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void lastsTheDefaultTtlOrTheHoursAsked() {
        assertThat(policy.expiresAt(now, null)).isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(policy.expiresAt(now, 1)).isEqualTo(now.plusSeconds(3600));
        assertThat(policy.expiresAt(now, 720)).isEqualTo(now.plus(Duration.ofDays(30)));
        assertThat(policy.expiresAt(now.plusNanos(1_234_567), 1)).isEqualTo(now.plusMillis(3_600_001));
    }

    @Test
    void refusesHoursOutsideOneToTheMaximum() {
        for (int hours : new int[] {0, -5, 721}) {
            assertThatThrownBy(() -> policy.expiresAt(now, hours))
                    .isInstanceOfSatisfying(DomainRefusal.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo("invalid_expiry");
                        assertThat(refusal.getMessage()).contains("1 to 720");
                    });
        }
    }

    @Test
    void refusesATtlLongerThanItsMaximum() {
        assertThatThrownBy(() -> new InvitationPolicy(Duration.ofDays(31), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
