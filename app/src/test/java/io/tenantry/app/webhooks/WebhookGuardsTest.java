package io.tenantry.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.command.webhook.WebhookUrlPolicy;
import io.tenantry.contracts.DomainRefusal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The address rules of webhooks: literal addresses refused when the endpoint is created, and every name's addresses
 * filtered after resolution, at connect time (a name that resolves to loopback or the metadata address sends nothing).
 */
class WebhookGuardsTest {

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false);
    private final WebhookUrlPolicy lenient = new WebhookUrlPolicy(true);

    @Test
    void onlyHttpsToAPublicHostUnlessPrivateAddressesAreAllowed() {
        assertThat(strict.valid(" https://hooks.example.com/t?x=1 ")).isEqualTo("https://hooks.example.com/t?x=1");
        assertThat(strict.valid("https://93.184.216.34/t")).isEqualTo("https://93.184.216.34/t");
        for (String url : List.of(
                "http://hooks.example.com/t",
                "ftp://hooks.example.com/t",
                "https:///t",
                "https://user:pw@hooks.example.com/t",
                "https://127.0.0.1/t",
                "https://10.1.2.3/t",
                "https://192.168.0.1/t",
                "https://172.16.0.1/t",
                "https://100.64.0.1/t",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/t",
                "https://[fd00:ec2::254]/t",
                "https://[fe80::1]/t",
                "https://[::ffff:127.0.0.1]/t",
                "https://0.0.0.0/t",
                "https://localhost/t",
                "not a url")) {
            assertThatThrownBy(() -> strict.valid(url))
                    .as(url)
                    .isInstanceOfSatisfying(
                            DomainRefusal.class,
                            refusal -> assertThat(refusal.code()).isEqualTo("invalid_webhook_url"));
        }
        assertThat(lenient.valid("http://127.0.0.1:8080/hook")).isEqualTo("http://127.0.0.1:8080/hook");
        assertThatThrownBy(() -> lenient.valid("ftp://127.0.0.1/t")).isInstanceOf(DomainRefusal.class);
    }

    @Test
    void aNameIsCheckedAfterResolutionSoARebindToAPrivateAddressSendsNothing() throws Exception {
        for (String address : List.of("127.0.0.1", "169.254.169.254", "10.0.0.7", "fd00:ec2::254", "::1")) {
            WebhookDns dns = new WebhookDns(hostname -> List.of(InetAddress.getByName(address)), false);
            assertThatThrownBy(() -> dns.lookup("rebound.example.com"))
                    .as(address)
                    .isInstanceOf(WebhookDns.NotPublic.class)
                    .isInstanceOf(UnknownHostException.class);
        }
        InetAddress publicOne = InetAddress.getByName("93.184.216.34");
        WebhookDns mixed = new WebhookDns(hostname -> List.of(InetAddress.getByName("127.0.0.1"), publicOne), false);
        assertThat(mixed.lookup("mixed.example.com")).containsExactly(publicOne);
        WebhookDns allowed = new WebhookDns(hostname -> List.of(InetAddress.getByName("127.0.0.1")), true);
        assertThat(allowed.lookup("local.example.com")).hasSize(1);
    }

    @Test
    void aLiteralAddressWhichTheClientConnectsToWithoutTheResolverIsCheckedBeforeSending() {
        for (String host : List.of("127.0.0.1", "169.254.169.254", "10.0.0.7", "fd00:ec2::254", "::1", "2130706433")) {
            assertThat(WebhookSender.literalIsPublic(host)).as(host).isFalse();
        }
        assertThat(WebhookSender.literalIsPublic("93.184.216.34")).isTrue();
        assertThat(WebhookSender.literalIsPublic("hooks.example.com"))
                .as("a name: the resolver checks it")
                .isTrue();
    }
}
