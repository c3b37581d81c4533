package io.tenantry.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.contracts.DomainRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @Test
    void readsTheVersionOfAnEtag() {
        assertThat(IfMatch.version("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.version("W/\"12\"")).isEqualTo(12L);
        assertThat(IfMatch.version(" 7 ")).isEqualTo(7L);
    }

    @Test
    void expectsNothingWithoutAHeaderOrWithAStar() {
        assertThat(IfMatch.version(null)).isNull();
        assertThat(IfMatch.version("")).isNull();
        assertThat(IfMatch.version("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"1\", \"2\"", "-1", "\"99999999999999999999\""})
    void refusesWhatCannotBeAVersion(String header) {
        assertThatThrownBy(() -> IfMatch.version(header))
                .isInstanceOfSatisfying(
                        DomainRefusal.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(DomainRefusal.Kind.PRECONDITION_FAILED));
    }
}
