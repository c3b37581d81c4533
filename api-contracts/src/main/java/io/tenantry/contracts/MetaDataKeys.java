package io.tenantry.contracts;

/** Keys of the message metadata every command and event carries. */
public final class MetaDataKeys {

    /** The user ({@code sub}) on whose behalf the message was sent, or {@code system:<component>}. */
    public static final String ACTOR_ID = "actorId";
    /** One id for everything one request (or one process) caused; from {@code X-Correlation-Id} or generated. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private MetaDataKeys() {}
}
