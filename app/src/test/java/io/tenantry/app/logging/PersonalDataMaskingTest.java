package io.tenantry.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskingTest {

    @Test
    void masksEveryAddressButItsFirstLetterAndDomain() {
        assertThat(PersonalDataMasking.mask("invited jane.doe+x@mail.example.com and BOB@corp.io today"))
                .isEqualTo("invited j***@mail.example.com and B***@corp.io today");
    }

    @Test
    void leavesTextWithoutAddressesAlone() {
        assertThat(PersonalDataMasking.mask("processor owner 1234@host-7 started"))
                .isEqualTo("processor owner 1234@host-7 started");
        assertThat(PersonalDataMasking.mask(null)).isNull();
    }
}
