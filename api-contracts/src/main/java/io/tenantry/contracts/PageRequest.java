package io.tenantry.contracts;

/**
 * Which slice of a list a query asks for: up to {@code limit} items from position {@code offset} (0: the first), the
 * {@code offset} and {@code limit} parameters of the API's list endpoints, which check their bounds. A query carries
 * it unwrapped ({@code @JsonUnwrapped}), so in JSON the two stay fields of the query itself.
 */
public record PageRequest(int offset, int limit) {

    public PageRequest {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("a page starts at offset 0 or later and holds at least one item; "
                    + "asked for offset " + offset + ", limit " + limit);
        }
    }
}
