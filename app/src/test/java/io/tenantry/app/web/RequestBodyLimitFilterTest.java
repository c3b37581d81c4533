package io.tenantry.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The body limit refuses a declared oversize body unread, and reads an endless chunked one only to the limit. */
class RequestBodyLimitFilterTest {

    private static final int LIMIT = 64 * 1024;

    private final RequestBodyLimitFilter filter =
            new RequestBodyLimitFilter(new HttpProperties(DataSize.ofBytes(LIMIT)), new ObjectMapper());

    @Test
    void refusesADeclaredOversizeBodyWithoutCallingTheApplication() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tenants");
        request.setContent(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean called = new AtomicBoolean();

        filter.doFilter(request, response, (req, res) -> called.set(true));

        assertThat(called).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"code\":\"payload_too_large\"")
                .contains(Integer.toString(LIMIT));
    }

    @Test
    void readsAnEndlessChunkedBodyOnlyToOneBytePastTheLimit() throws Exception {
        Endless body = new Endless();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(
                body.request(), response, (req, res) -> req.getInputStream().readAllBytes());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"code\":\"payload_too_large\"");
        assertThat(body.handedOut.get()).as("bytes taken from the client").isEqualTo(LIMIT + 1);
    }

    @Test
    void passesAChunkedBodyWithinTheLimit() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/tenants") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(new byte[LIMIT]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicLong read = new AtomicLong();

        filter.doFilter(
                chunked, response, (req, res) -> read.set(req.getInputStream().readAllBytes().length));

        assertThat(read.get()).isEqualTo(LIMIT);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    /** A chunked body that never ends, counting what it hands out. */
    private static final class Endless {
        final AtomicLong handedOut = new AtomicLong();

        HttpServletRequestWrapper request() {
            return new HttpServletRequestWrapper(new MockHttpServletRequest("POST", "/api/webhooks/stripe")) {
                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public ServletInputStream getInputStream() {
                    return new ServletInputStream() {
                        @Override
                        public int read() {
                            handedOut.incrementAndGet();
                            return 'x';
                        }

                        @Override
                        public int read(byte[] buffer, int offset, int length) {
                            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                            handedOut.addAndGet(length);
                            return length;
                        }

                        @Override
                        public boolean isFinished() {
                            return false;
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setReadListener(ReadListener listener) {}
                    };
                }
            };
        }
    }
}
