package io.tenantry.contracts;

/** Keys of the message metadata every command and event carries. */
public final class MetaDataKeys {

    /** The user ({@code sub}) on whose behalf the message was sent, or {@code system:<component>}. */
    public static final String ACTOR_ID = "actorId";
    /** One id for everything one request (or one process) caused; from {@code X-Correlation-Id} or generated. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The partner admin acting as the user ({@code act.sub} of an impersonation token), when there is one. */
    public static final String IMPERSONATOR_ID = "impersonatorId";
    /** The address the request came from (as the forwarded headers say, behind a trusted proxy). */
    public static final String ORIGIN_IP = "originIp";
    /** The request's {@code User-Agent}, cut to {@value #USER_AGENT_MAX} characters. */
    public static final String USER_AGENT = "userAgent";

    public static final int USER_AGENT_MAX = 256;

    /** What travels from a message to every message it causes (besides the causation, which is each one's own). */
    public static final java.util.List<String> CARRIED =
            java.util.List.of(ACTOR_ID, CORRELATION_ID, IMPERSONATOR_ID, ORIGIN_IP, USER_AGENT);

    private MetaDataKeys() {}
}
