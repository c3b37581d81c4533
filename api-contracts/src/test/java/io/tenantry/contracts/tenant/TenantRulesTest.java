package io.tenantry.contracts.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme",
                "a1b",
                "acme-corp",
                "0-9",
                "a23456789012345678901234567890123456789012345678901234567890123"
            })
    void acceptsSlugsOfTheDomainShape(String slug) {
        assertThat(TenantRules.isValidSlug(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ab",
                "-acme",
                "acme-",
                "Acme",
                "ac_me",
                "acme corp",
                "ac.me",
                "a234567890123456789012345678901234567890123456789012345678901234"
            })
    void refusesOtherSlugs(String slug) {
        assertThat(TenantRules.isValidSlug(slug)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void refusesBlankNames(String name) {
        assertThat(TenantRules.isValidName(name)).isFalse();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "Example Corp|example-corp",
                "  Acme & Co.  |acme-co",
                "Café Noir GmbH|cafe-noir-gmbh",
                "ÅNGSTRÖM--Labs__2|angstrom-labs-2",
                "!!!|''",
            })
    void derivesSlugsFromNamesAsSeed003Does(String name, String slug) {
        assertThat(TenantRules.slugOf(name)).isEqualTo(slug);
    }

    @org.junit.jupiter.api.Test
    void keepsDerivedSlugsWithinSixtyThreeCharactersWithoutATrailingHyphen() {
        String slug = TenantRules.slugOf("a".repeat(62) + " b");
        assertThat(slug).isEqualTo("a".repeat(62));
        assertThat(TenantRules.slugOf("x".repeat(300))).hasSize(63);
        assertThat(TenantRules.isValidSlug(TenantRules.slugOf("x".repeat(300)))).isTrue();
    }

    @org.junit.jupiter.api.Test
    void limitsNamesTo255Characters() {
        assertThat(TenantRules.isValidName("x".repeat(255))).isTrue();
        assertThat(TenantRules.isValidName("x".repeat(256))).isFalse();
    }
}
