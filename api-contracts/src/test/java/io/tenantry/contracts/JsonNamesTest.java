package io.tenantry.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonNamesTest {

    record Body(@JsonProperty("client_name") String clientName, String email, List<Item> items) {}

    record Item(String name) {}

    @Test
    void namesFieldsAsTheJsonDoes() {
        assertThat(JsonNames.of(Body.class, "clientName")).isEqualTo("client_name");
        assertThat(JsonNames.of(Body.class, "email")).isEqualTo("email");
        assertThat(JsonNames.of(Body.class, "items[0].name")).isEqualTo("items[0].name");
        assertThat(JsonNames.of(String.class, "value")).isEqualTo("value");
        assertThat(JsonNames.of(null, "x")).isEqualTo("x");
    }
}
