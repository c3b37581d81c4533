package io.tenantry.app.idp;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * Why an identity provider could not be reached, in an operator's words: the innermost cause's message, never a Java
 * class name (the text ends up in a problem's detail and in a provisioning failure's reason).
 */
final class NetworkFailures {

    private NetworkFailures() {}

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root.getMessage() != null && !root.getMessage().isBlank()) {
            return root.getMessage();
        }
        if (root instanceof InterruptedIOException) {
            return "timed out";
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host";
        }
        return "the connection failed";
    }
}
