package io.tenantry.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** The rows of {@link AccessMatrixIT}: an endpoint, how to call it, and what each kind of caller gets. */
final class AccessMatrix {

    private AccessMatrix() {}

    /** The four callers every endpoint is tried with, in this order (only the last may change anything). */
    enum Case {
        NO_TOKEN("no token"),
        WRONG_ROLE("wrong role"),
        FOREIGN_TENANT("foreign tenant"),
        ALLOWED("allowed");

        final String label;

        Case(String label) {
            this.label = label;
        }
    }

    /** One concrete request: a path (with query), an optional JSON body (a raw string is sent as is) and headers. */
    /** The fields of a form body. */
    record Form(Map<String, String> fields) {}

    record Request(String path, Object body, Map<String, String> headers) {

        static Request to(String path) {
            return new Request(path, null, Map.of());
        }

        Request json(Object json) {
            return new Request(path, json, headers);
        }

        /** A form body, as the token endpoint takes it. */
        Request form(Map<String, String> fields) {
            return new Request(path, new Form(fields), headers);
        }

        Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(path, body, more);
        }

        String pathOnly() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    /**
     * What one kind of caller gets: the status, and for an error its problem code; or why the case does not apply.
     * {@code token} null means no Authorization header.
     */
    record Expectation(String token, int status, String code, Predicate<JsonNode> body, String notApplicable) {

        static Expectation notApplicable(String why) {
            return new Expectation(null, 0, null, null, why);
        }

        boolean applies() {
            return notApplicable == null;
        }

        @Override
        public String toString() {
            return applies() ? status + (code == null ? "" : " " + code) : "n/a (" + notApplicable + ")";
        }
    }

    static final class Row {
        final String method;
        final String template;
        final Function<Case, Request> request;
        final Map<Case, Expectation> expectations = new EnumMap<>(Case.class);
        /**
         * For tenant-scoped rows: the id in the path a foreign caller asks for, swapped for an unknown one to compare.
         */
        String scope;

        Row(String endpoint, Function<Case, Request> request) {
            int space = endpoint.indexOf(' ');
            this.method = endpoint.substring(0, space);
            this.template = endpoint.substring(space + 1);
            this.request = request;
        }

        String endpoint() {
            return method + " " + template;
        }

        /** Public (or signature-checked) endpoints answer a caller without a token with this; no other case applies. */
        Row open(int status, String why) {
            expectations.put(Case.NO_TOKEN, new Expectation(null, status, null, null, null));
            expectations.put(Case.WRONG_ROLE, Expectation.notApplicable(why));
            expectations.put(Case.FOREIGN_TENANT, Expectation.notApplicable(why));
            expectations.put(Case.ALLOWED, Expectation.notApplicable("the call without a token is the allowed one"));
            return this;
        }

        Row noToken(int status, String code) {
            expectations.put(Case.NO_TOKEN, new Expectation(null, status, code, null, null));
            return this;
        }

        Row wrongRole(String token, int status, String code) {
            expectations.put(Case.WRONG_ROLE, new Expectation(token, status, code, null, null));
            return this;
        }

        /** A member (OWNER) of another tenant asks for this row's tenant, known by {@code scope} in the path. */
        Row foreign(String token, int status, String code, String scope) {
            expectations.put(Case.FOREIGN_TENANT, new Expectation(token, status, code, null, null));
            this.scope = scope;
            return this;
        }

        /** As {@link #foreign(String, int, String, String)}, for an answer of 2xx whose body must hide the tenant. */
        Row foreign(String token, int status, Predicate<JsonNode> body) {
            expectations.put(Case.FOREIGN_TENANT, new Expectation(token, status, null, body, null));
            return this;
        }

        Row allowed(String token, int status) {
            expectations.put(Case.ALLOWED, new Expectation(token, status, null, null, null));
            return this;
        }

        Row allowed(String token, int status, Predicate<JsonNode> body) {
            expectations.put(Case.ALLOWED, new Expectation(token, status, null, body, null));
            return this;
        }

        Row na(Case what, String why) {
            expectations.put(what, Expectation.notApplicable(why));
            return this;
        }
    }
}
