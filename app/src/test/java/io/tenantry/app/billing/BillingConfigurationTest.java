package io.tenantry.app.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.command.subscription.BillingGateway;
import io.tenantry.command.subscription.BillingUnavailableException;
import io.tenantry.command.subscription.LocalBillingGateway;
import io.tenantry.command.subscription.StripeNotices;
import io.tenantry.contracts.subscription.BillingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without a Stripe key billing runs locally and says so; with one, it talks to Stripe where it is told to. */
@ExtendWith(OutputCaptureExtension.class)
class BillingConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(BillingConfiguration.class);

    @Test
    void billsLocallyWithoutAnApiKeyAndSaysSo(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context.getBean(BillingGateway.class)).isInstanceOf(LocalBillingGateway.class);
            assertThat(context.getBean(BillingGateway.class).mode()).isEqualTo(BillingMode.LOCAL);
            assertThatThrownBy(() -> context.getBean(StripeNotices.class).read("{}", "t=1,v1=00"))
                    .isInstanceOf(BillingUnavailableException.class)
                    .hasMessageContaining("tenantry.stripe.webhook-secret");
        });
        assertThat(output.getOut()).contains("Billing runs locally: no Stripe API key (tenantry.stripe.api-key)");
    }

    @Test
    void billsThroughStripeWithAnApiKey(CapturedOutput output) {
        runner.withPropertyValues("tenantry.stripe.api-key=sk_test_x", "tenantry.stripe.api-base=http://127.0.0.1:9")
                .run(context ->
                        assertThat(context.getBean(BillingGateway.class).mode()).isEqualTo(BillingMode.STRIPE));
        assertThat(output.getOut())
                .contains("Billing through Stripe at http://127.0.0.1:9")
                .doesNotContain("sk_test_x");
    }
}
