package io.tenantry.app.embedded;

/** The embedded default could not start something; {@link #action()} tells the user what to do about it. */
public class EmbeddedStartupException extends RuntimeException {

    private final String action;

    public EmbeddedStartupException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
