package io.tenantry.contracts.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.contracts.DomainRefusal;
import org.junit.jupiter.api.Test;

class DomainNamesTest {

    @Test
    void keepsADomainInOneForm() {
        assertThat(DomainNames.normalise(" Acme.COM. ")).isEqualTo("acme.com");
        assertThat(DomainNames.normalise("Bücher.example")).isEqualTo("xn--bcher-kva.example");
        assertThat(DomainNames.normalise("xn--bcher-kva.example")).isEqualTo("xn--bcher-kva.example");
        assertThat(DomainNames.normalise("eu-west.mail.acme.co.uk")).isEqualTo("eu-west.mail.acme.co.uk");
    }

    @Test
    void refusesWhatIsNoDomainName() {
        for (String bad : new String[] {
            null,
            "",
            " ",
            "localhost",
            "acme",
            "1.2.3.4",
            "10.0.0.1.",
            "::1",
            "[::1]",
            "acme_corp.com",
            "-acme.com",
            "acme-.com",
            "a..com",
            "acme .com",
            "*.acme.com",
            "acme.com/path",
            "user@acme.com",
            "a".repeat(64) + ".com",
            ("abcdefghij".repeat(6) + ".").repeat(5) + "com"
        }) {
            assertThatThrownBy(() -> DomainNames.normalise(bad))
                    .as("%s", bad)
                    .isInstanceOfSatisfying(
                            DomainRefusal.class,
                            refusal -> assertThat(refusal.code()).isEqualTo("invalid_domain"));
        }
    }

    @Test
    void findsTheDomainOfAnAddress() {
        assertThat(DomainNames.ofEmail("Dana@Acme.Example")).isEqualTo("acme.example");
        assertThat(DomainNames.ofEmail("\"a@b\"@bücher.example")).isEqualTo("xn--bcher-kva.example");
        assertThat(DomainNames.ofEmail("no-at-sign")).isNull();
        assertThat(DomainNames.ofEmail("dana@")).isNull();
        assertThat(DomainNames.ofEmail("dana@localhost")).isNull();
        assertThat(DomainNames.ofEmail(null)).isNull();
    }

    @Test
    void namesWhereTheChallengeIsPublished() {
        assertThat(DomainNames.challengeName("acme.com")).isEqualTo("_tenantry-challenge.acme.com");
        assertThat(DomainNames.wellKnownUrl("acme.com"))
                .isEqualTo("https://acme.com/.well-known/tenantry-challenge.txt");
    }
}
