package io.tenantry.app.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * When the database goes away between the write and the key's bookkeeping, the write's own answer goes out, not a
 * failure of the bookkeeping (reliability battery, scenario 2: it was a 500).
 */
class IdempotencyFilterTest {

    @Test
    void theWritesAnswerGoesOutWhenItCannotBeKept() throws Exception {
        MockHttpServletResponse response = send((request, answer) -> {
            ((jakarta.servlet.http.HttpServletResponse) answer).setStatus(201);
            answer.getOutputStream().write("{\"id\":\"t-1\"}".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":\"t-1\"}");
    }

    @Test
    void aServerErrorGoesOutWhenTheKeyCannotBeReleased() throws Exception {
        MockHttpServletResponse response = send((request, answer) -> {
            ((jakarta.servlet.http.HttpServletResponse) answer).setStatus(503);
            answer.getOutputStream().write("{\"code\":\"service_unavailable\"}".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("service_unavailable");
    }

    /** One request through the filter, with a database that takes the claim and then is gone. */
    private static MockHttpServletResponse send(jakarta.servlet.FilterChain chain) throws Exception {
        JdbcTemplate goneAfterTheClaim = new JdbcTemplate() {
            @Override
            public int update(String sql, Object... args) {
                if (sql.contains("insert into idempotency_key")) {
                    return 1;
                }
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
            }
        };
        IdempotencyFilter filter = new IdempotencyFilter(
                new IdempotencyStore(goneAfterTheClaim, new IdempotencyProperties(null, null, null), Clock.systemUTC()),
                new ObjectMapper());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tenants");
        request.addHeader(IdempotencyFilter.HEADER, "key-1");
        request.setContentType("application/json");
        request.setContent("{}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
