package io.tenantry.contracts.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan's price in its currency's minor units, exact or refused; and the catalogue refusing what it cannot bill. */
class PlanTest {

    private static Plan plan(String price, String currency, String interval) {
        return new Plan("p", "P", new BigDecimal(price), currency, interval, 5, 2, null);
    }

    @Test
    void turnsThePriceIntoMinorUnitsByTheCurrencysFractionDigits() {
        assertThat(plan("49.00", "USD", "month").priceInMinorUnits()).isEqualTo(4900);
        assertThat(plan("49", "usd", "month").priceInMinorUnits()).isEqualTo(4900);
        assertThat(plan("0.1", "EUR", "month").priceInMinorUnits()).isEqualTo(10);
        assertThat(plan("4900", "JPY", "month").priceInMinorUnits()).isEqualTo(4900);
        assertThat(plan("1.234", "KWD", "month").priceInMinorUnits()).isEqualTo(1234);
        assertThat(plan("0", "USD", "month").priceInMinorUnits()).isZero();
    }

    @Test
    void refusesAPriceItCannotBillExactly() {
        assertThatThrownBy(() -> plan("49.999", "USD", "month").priceInMinorUnits())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction digits");
        assertThatThrownBy(() -> plan("4900.5", "JPY", "month").priceInMinorUnits())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan("-1", "USD", "month").priceInMinorUnits())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan("1", "DOLLARS", "month").priceInMinorUnits())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 4217");
    }

    @Test
    void theCatalogueTakesOnlyPlansItCanBill() {
        assertThatThrownBy(() -> new PlanCatalogue(List.of(plan("49.999", "USD", "month")), "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanCatalogue(List.of(plan("49", "USD", "week")), "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("month or year");
        assertThat(new PlanCatalogue(List.of(plan("490", "USD", "year")), "p")
                        .known("p")
                        .interval())
                .isEqualTo("year");
    }
}
