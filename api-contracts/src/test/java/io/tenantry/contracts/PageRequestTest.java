package io.tenantry.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void aPageStartsAtZeroOrLaterAndHoldsAtLeastOneItem() {
        assertThat(new PageRequest(0, 1)).isEqualTo(new PageRequest(0, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PageRequest(-1, 20))
                .withMessageContaining("-1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PageRequest(0, 0))
                .withMessageContaining("limit 0");
    }
}
