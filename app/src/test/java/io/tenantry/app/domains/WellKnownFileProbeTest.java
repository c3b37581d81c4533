package io.tenantry.app.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Which addresses the HTTPS check connects to outside tests: public ones only. */
class WellKnownFileProbeTest {

    @Test
    void connectsToPublicAddressesOnly() throws UnknownHostException {
        for (String local : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "240.0.0.1",
            "198.18.0.1",
            "192.0.0.8",
            "::1",
            "fe80::1",
            "fd00::1",
            "fc00::1",
            "::",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1"
        }) {
            assertThat(WellKnownFileProbe.isPublic(InetAddress.getByName(local)))
                    .as(local)
                    .isFalse();
        }
        for (String global : new String[] {"93.184.215.14", "8.8.8.8", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"}) {
            assertThat(WellKnownFileProbe.isPublic(InetAddress.getByName(global)))
                    .as(global)
                    .isTrue();
        }
    }

    @Test
    void isAimedAtPort443WithThePlatformsTrustUnlessATestSaysOtherwise() {
        assertThat(WellKnownFileAim.standard().port()).isEqualTo(443);
        assertThat(WellKnownFileAim.standard().isStandard()).isTrue();
        assertThat(new WellKnownFileAim(8443, null, null, false).isStandard()).isFalse();
    }
}
