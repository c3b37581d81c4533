package io.tenantry.app.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class NetworkFailuresTest {

    @Test
    void saysWhatTheInnermostCauseSaysWithoutItsClassName() {
        RuntimeException failure = new IllegalStateException(
                "Unable to invoke request: java.net.SocketTimeoutException",
                new UncheckedIOException(new SocketTimeoutException("Read timed out")));

        assertThat(NetworkFailures.describe(failure)).isEqualTo("Read timed out");
    }

    @Test
    void namesTheKindOfFailureWhenTheCauseSaysNothing() {
        assertThat(NetworkFailures.describe(new RuntimeException(new SocketTimeoutException())))
                .isEqualTo("timed out");
        assertThat(NetworkFailures.describe(new RuntimeException(new ConnectException())))
                .isEqualTo("connection refused");
        assertThat(NetworkFailures.describe(new RuntimeException(new IOException())))
                .isEqualTo("the connection failed");
    }
}
