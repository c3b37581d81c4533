package io.tenantry.contracts.lifecycle;

/**
 * Names of the lifecycle events' CloudEvents types and of their JSON Schemas (draft 2020-12), which sit on the
 * classpath beside this class. A type's version is part of its name: a change to a type's {@code data} is a new
 * version with a schema of its own, never an edit of a published one.
 */
public final class LifecycleEventTypes {

    public static final String PREFIX = "io.tenantry.tenant.";
    /** The classpath directory of the schemas. */
    public static final String SCHEMA_DIRECTORY = "io/tenantry/contracts/lifecycle/";
    /** The schema of the CloudEvents envelope every lifecycle event shares. */
    public static final String ENVELOPE_SCHEMA = SCHEMA_DIRECTORY + "envelope.v1.schema.json";

    private LifecycleEventTypes() {}

    /** The CloudEvents type of event {@code name} (such as {@code member-added}) in {@code version}. */
    public static String type(String name, int version) {
        return PREFIX + name + ".v" + version;
    }

    /** The classpath location of the schema of {@code data} in events of this type. */
    public static String dataSchema(String type) {
        return SCHEMA_DIRECTORY + type + ".schema.json";
    }
}
