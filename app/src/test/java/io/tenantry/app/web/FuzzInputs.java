package io.tenantry.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The generators of {@link ApiFuzzIT} (jqwik arbitraries) and what turns their values into a request: callers, path
 * values, query values, bodies (valid-shaped ones mutated field by field, random JSON, random bytes, oversize, deep)
 * and headers.
 */
final class FuzzInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> SQL = List.of(
            "1' OR '1'='1",
            "'; DROP TABLE domain_event_entry; --",
            "\" OR 1=1 --",
            "1; select pg_sleep(0)",
            "' UNION SELECT payload FROM domain_event_entry --",
            "%' AND 1=1 AND '%'='");

    private FuzzInputs() {}

    enum Caller {
        PARTNER_ADMIN,
        OWNER,
        ANONYMOUS,
        BAD_TOKEN
    }

    static Arbitrary<Caller> callers() {
        return Arbitraries.frequency(
                Tuple.of(45, Caller.PARTNER_ADMIN),
                Tuple.of(45, Caller.OWNER),
                Tuple.of(5, Caller.ANONYMOUS),
                Tuple.of(5, Caller.BAD_TOKEN));
    }

    // ---- path values ----

    enum PathKind {
        FIXTURE,
        FOREIGN,
        ALPHANUMERIC,
        UUID,
        RAW,
        UNICODE,
        SQL,
        LONG
    }

    /** One path variable's value; RAW ones are sent as they are (they are URI-valid already, on purpose). */
    record PathValue(PathKind kind, String text) {}

    static Arbitrary<PathValue> pathValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.just(new PathValue(PathKind.FIXTURE, ""))),
                Tuple.of(10, Arbitraries.just(new PathValue(PathKind.FOREIGN, ""))),
                Tuple.of(
                        8,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars("-_")
                                .ofMinLength(1)
                                .ofMaxLength(40)
                                .map(text -> new PathValue(PathKind.ALPHANUMERIC, text))),
                Tuple.of(
                        5,
                        Arbitraries.create(() -> new PathValue(
                                PathKind.UUID, java.util.UUID.randomUUID().toString()))),
                Tuple.of(
                        12,
                        Arbitraries.of(
                                        "..",
                                        ".",
                                        "%2e%2e",
                                        "..%2F..%2Fetc%2Fpasswd",
                                        "a%2Fb",
                                        "%00",
                                        "%25",
                                        "x;y=1",
                                        "%5C",
                                        "%20",
                                        "%0A",
                                        "~",
                                        "*",
                                        "%2e",
                                        "a..b",
                                        "%252e%252e",
                                        "%C0%AE%C0%AE",
                                        "%ff",
                                        "a+b",
                                        "$",
                                        "@",
                                        "%E2%80%AE",
                                        "%EF%BB%BF")
                                .map(text -> new PathValue(PathKind.RAW, text))),
                Tuple.of(
                        8,
                        Arbitraries.strings()
                                .all()
                                .ofMinLength(1)
                                .ofMaxLength(30)
                                .map(text -> new PathValue(PathKind.UNICODE, text))),
                Tuple.of(6, Arbitraries.of(SQL).map(text -> new PathValue(PathKind.SQL, text))),
                Tuple.of(
                        6,
                        Arbitraries.integers()
                                .between(200, 6000)
                                .map(length -> new PathValue(PathKind.LONG, "L".repeat(length)))));
    }

    // ---- query values ----

    enum QueryKind {
        ABSENT,
        PLAUSIBLE,
        NEGATIVE,
        HUGE,
        TEXT,
        EMPTY
    }

    record QueryValue(QueryKind kind, String text) {}

    static Arbitrary<QueryValue> queryValues() {
        return Combinators.combine(
                        Arbitraries.frequency(
                                Tuple.of(35, QueryKind.ABSENT),
                                Tuple.of(35, QueryKind.PLAUSIBLE),
                                Tuple.of(10, QueryKind.NEGATIVE),
                                Tuple.of(10, QueryKind.HUGE),
                                Tuple.of(15, QueryKind.TEXT),
                                Tuple.of(5, QueryKind.EMPTY)),
                        Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40), Arbitraries.of(SQL)))
                .as(QueryValue::new);
    }

    static String queryText(QueryValue value, Class<?> type) {
        return switch (value.kind()) {
            case ABSENT -> null;
            case PLAUSIBLE ->
                type.isEnum()
                        ? type.getEnumConstants()[0].toString()
                        : type == boolean.class || type == Boolean.class
                                ? "true"
                                : type == java.time.Instant.class
                                        ? java.time.Instant.now().toString()
                                        : type == String.class ? "fuzz" : "10";
            case NEGATIVE -> "-1";
            case HUGE -> "99999999999999999999999";
            case TEXT -> value.text();
            case EMPTY -> "";
        };
    }

    // ---- bodies ----

    enum Shape {
        NONE,
        SEED,
        SEED_CHUNKED,
        MUTATED,
        RANDOM_JSON,
        RANDOM_BYTES,
        TRUNCATED,
        TOP_LEVEL,
        DEEP,
        OVERSIZE,
        OVERSIZE_CHUNKED
    }

    enum MutationKind {
        REMOVE,
        NULL,
        NUMBER,
        BOOLEAN,
        ARRAY,
        OBJECT,
        HUGE_STRING,
        UNICODE,
        SQL,
        EMPTY,
        WHITESPACE,
        EXTRA_FIELD,
        RAW_NUMBER,
        LONE_SURROGATE,
        CONTROL_CHARACTER,
        DEEP_VALUE
    }

    /** Changes the {@code target}-th field (modulo the number of fields) of a valid-shaped body. */
    record Mutation(MutationKind kind, int target, String text) {}

    record BodyPlan(
            Shape shape, List<Mutation> mutations, JsonNode randomJson, byte[] randomBytes, int cut, String topLevel) {

        @Override
        public String toString() {
            return shape + (shape == Shape.MUTATED ? " " + mutations : "");
        }
    }

    static Arbitrary<BodyPlan> bodies() {
        // a good share of valid-shaped bodies, so that requests also get past validation into the domain
        Arbitrary<Shape> shapes = Arbitraries.frequency(
                Tuple.of(6, Shape.NONE),
                Tuple.of(25, Shape.SEED),
                Tuple.of(4, Shape.SEED_CHUNKED),
                Tuple.of(40, Shape.MUTATED),
                Tuple.of(7, Shape.RANDOM_JSON),
                Tuple.of(4, Shape.RANDOM_BYTES),
                Tuple.of(4, Shape.TRUNCATED),
                Tuple.of(4, Shape.TOP_LEVEL),
                Tuple.of(2, Shape.DEEP),
                Tuple.of(2, Shape.OVERSIZE),
                Tuple.of(2, Shape.OVERSIZE_CHUNKED));
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.of(MutationKind.class),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.oneOf(
                                Arbitraries.strings().all().ofMaxLength(60),
                                Arbitraries.of(SQL),
                                Arbitraries.of(
                                        "🙂",
                                        "\u202Eevil",
                                        "Ω≈ç√∫",
                                        "\uFEFF",
                                        "Z̤͔ͧ̑̓",
                                        "null",
                                        "<script>alert(1)</script>",
                                        "${jndi:ldap://x}",
                                        "../../etc/passwd",
                                        "\\u0000")))
                .as(Mutation::new);
        return Combinators.combine(
                        shapes,
                        mutation.list().ofMinSize(1).ofMaxSize(3),
                        randomJson(3),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                        Arbitraries.integers().between(0, 400),
                        Arbitraries.of("[]", "[{}]", "\"text\"", "42", "-1.5e300", "true", "null", "{}", "[[]]"))
                .as(BodyPlan::new);
    }

    private static Arbitrary<JsonNode> randomJson(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30).map(t -> (JsonNode) NODES.textNode(t)),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode((int) i)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode((double) d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.just((JsonNode) NODES.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> inner = randomJson(depth - 1);
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), inner)
                .ofMaxSize(5)
                .map(fields -> {
                    ObjectNode node = NODES.objectNode();
                    fields.forEach(node::set);
                    return node;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, array), Tuple.of(4, object));
    }

    /** The bytes to send for a plan (null: no body), and whether to send them chunked. */
    record Body(byte[] bytes, boolean chunked) {}

    static Body body(BodyPlan plan, JsonNode seed, long limit) {
        return switch (plan.shape()) {
            case NONE -> new Body(null, false);
            case SEED -> new Body(seed == null ? null : utf8(seed.toString()), false);
            case SEED_CHUNKED -> new Body(utf8(seed == null ? "{}" : seed.toString()), true);
            case MUTATED ->
                new Body(utf8(mutated(seed == null ? NODES.objectNode() : seed.deepCopy(), plan.mutations())), false);
            case RANDOM_JSON -> new Body(utf8(plan.randomJson().toString()), false);
            case RANDOM_BYTES -> new Body(plan.randomBytes(), false);
            case TRUNCATED -> {
                String text = seed == null ? "{\"a\":\"b\"}" : seed.toString();
                yield new Body(utf8(text.substring(0, Math.min(text.length() - 1, plan.cut() % text.length()))), false);
            }
            case TOP_LEVEL -> new Body(utf8(plan.topLevel()), false);
            case DEEP -> new Body(utf8("[".repeat(3000) + "]".repeat(3000)), false);
            case OVERSIZE -> new Body(oversize(limit), false);
            case OVERSIZE_CHUNKED -> new Body(oversize(limit), true);
        };
    }

    private static byte[] oversize(long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"name\":\""));
        out.writeBytes(utf8("x".repeat((int) (limit + limit / 4))));
        out.writeBytes(utf8("\"}"));
        return out.toByteArray();
    }

    /** The body after its mutations; raw ones (invalid JSON on purpose) are spliced into the written text. */
    static String mutated(JsonNode body, List<Mutation> mutations) {
        Map<String, String> raw = new HashMap<>();
        for (Mutation mutation : mutations) {
            List<Slot> slots = new ArrayList<>();
            slots(body, slots);
            if (slots.isEmpty() || mutation.kind() == MutationKind.EXTRA_FIELD) {
                JsonNode target = slots.isEmpty()
                        ? body
                        : slots.get(mutation.target() % slots.size()).parent();
                if (target instanceof ObjectNode object) {
                    object.put("fuzzExtra" + mutation.target(), mutation.text());
                } else if (target instanceof ArrayNode array) {
                    array.add(mutation.text());
                }
                continue;
            }
            Slot slot = slots.get(mutation.target() % slots.size());
            if (mutation.kind() == MutationKind.REMOVE) {
                slot.remove();
                continue;
            }
            slot.set(
                    switch (mutation.kind()) {
                        case NULL -> NODES.nullNode();
                        case NUMBER -> NODES.numberNode(mutation.text().length() - 7);
                        case BOOLEAN -> NODES.booleanNode(mutation.text().isEmpty());
                        case ARRAY -> NODES.arrayNode().add(mutation.text());
                        case OBJECT -> NODES.objectNode().put("fuzz", mutation.text());
                        case HUGE_STRING -> NODES.textNode("h".repeat(10_000 + mutation.target() * 500));
                        case UNICODE, SQL -> NODES.textNode(mutation.text());
                        case EMPTY -> NODES.textNode("");
                        case WHITESPACE -> NODES.textNode(" \t\n ");
                        case RAW_NUMBER, LONE_SURROGATE, CONTROL_CHARACTER, DEEP_VALUE -> {
                            String placeholder = "fuzz-raw-" + raw.size() + "-placeholder";
                            raw.put(
                                    "\"" + placeholder + "\"",
                                    switch (mutation.kind()) {
                                        case RAW_NUMBER ->
                                            List.of(
                                                            "1e400",
                                                            "-0",
                                                            "9223372036854775808",
                                                            "1.5",
                                                            "0x10",
                                                            "NaN",
                                                            "01",
                                                            "-",
                                                            "1e",
                                                            "Infinity")
                                                    .get(mutation.target() % 10);
                                        case LONE_SURROGATE -> "\"\\ud800" + mutation.target() + "\"";
                                        case CONTROL_CHARACTER -> "\"a\u0001b\u0000c\"";
                                        default -> "[".repeat(1500) + "]".repeat(1500);
                                    });
                            yield NODES.textNode(placeholder);
                        }
                        default ->
                            throw new IllegalStateException(mutation.kind().name());
                    });
        }
        String text = body.toString();
        for (Map.Entry<String, String> splice : raw.entrySet()) {
            text = text.replace(splice.getKey(), splice.getValue());
        }
        return text;
    }

    /** A place in the tree that holds a value: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void slots(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(object, name, -1));
                slots(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                slots(array.get(i), slots);
            }
        }
    }

    // ---- headers ----

    record HeaderPlan(
            String contentType,
            String accept,
            String ifMatch,
            String idempotencyKey,
            String forwardedFor,
            String signature,
            boolean badCorrelationId) {}

    /** "json" stands for the right type; null for none at all. */
    static Arbitrary<HeaderPlan> headers() {
        Arbitrary<String> printable =
                Arbitraries.strings().ascii().ofMaxLength(80).map(FuzzInputs::printable);
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(85, Arbitraries.just("json")),
                Tuple.of(
                        15,
                        Arbitraries.of(
                                "application/json;charset=UTF-8",
                                "application/json; charset=ISO-8859-1",
                                "text/plain",
                                "application/xml",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data",
                                "multipart/form-data; boundary=fuzz",
                                "application/problem+json",
                                "*/*",
                                "application/*",
                                "nonsense",
                                "application/json; charset=no-such",
                                "",
                                ";;;",
                                "application/json;q=bad",
                                "application/merge-patch+json",
                                "text/json",
                                "none")));
        Arbitrary<String> accept = Arbitraries.frequencyOf(
                Tuple.of(75, Arbitraries.just("")),
                Tuple.of(
                        25,
                        Arbitraries.of(
                                "application/json",
                                "*/*",
                                "application/problem+json",
                                "text/html",
                                "application/xml",
                                "text/csv",
                                "image/*",
                                "nonsense",
                                "application/json;q=0",
                                "text/event-stream",
                                "application/*",
                                ",,,")));
        Arbitrary<String> ifMatch = Arbitraries.frequencyOf(
                Tuple.of(75, Arbitraries.just("")),
                Tuple.of(
                        25,
                        Arbitraries.oneOf(
                                Arbitraries.of(
                                        "\"0\"",
                                        "\"1\"",
                                        "\"-1\"",
                                        "W/\"1\"",
                                        "*",
                                        "abc",
                                        "\"99999999999999999999\"",
                                        "\"\"",
                                        "\"1\", \"2\"",
                                        "1"),
                                printable)));
        Arbitrary<String> idempotencyKey =
                Arbitraries.frequencyOf(Tuple.of(70, Arbitraries.just("")), Tuple.of(30, printable));
        Arbitrary<String> forwardedFor = Arbitraries.frequencyOf(
                Tuple.of(70, Arbitraries.just("")),
                Tuple.of(
                        30,
                        Arbitraries.oneOf(
                                Arbitraries.of(
                                        "not-an-ip",
                                        "::::",
                                        "1.2.3.4, junk",
                                        "[::1",
                                        "999.999.999.999",
                                        "unknown",
                                        "127.0.0.1",
                                        "::1",
                                        "1.1.1.1,".repeat(50),
                                        "_hidden",
                                        "%00"),
                                printable)));
        Arbitrary<String> signature = Arbitraries.frequencyOf(
                Tuple.of(50, Arbitraries.just("")),
                Tuple.of(
                        50,
                        Arbitraries.oneOf(
                                Arbitraries.of("t=1,v1=00", "t=abc", "sha256=" + "0".repeat(64), "9999999999999", "-1"),
                                printable)));
        return Combinators.combine(
                        contentType,
                        accept,
                        ifMatch,
                        idempotencyKey,
                        forwardedFor,
                        signature,
                        Arbitraries.of(true, false, false, false, false, false, false, false))
                .as(HeaderPlan::new);
    }

    /** Header values travel as visible ASCII. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().filter(c -> c >= 0x20 && c < 0x7F).forEach(c -> out.append((char) c));
        return out.toString().strip();
    }

    // ---- helpers ----

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes every byte but the unreserved characters of RFC 3986. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8(text)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
