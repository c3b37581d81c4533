package io.tenantry.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.List;

/**
 * A list's page (RFC 7644 section 3.4.2.4): {@code startIndex} counts from 1 (less is 1), {@code count} is at most
 * {@link Scim#MAX_PAGE_SIZE} ({@link Scim#DEFAULT_PAGE_SIZE} when not given; 0 answers only the total).
 */
public record ScimPages(int startIndex, int count) {

    public static ScimPages of(Integer startIndex, Integer count) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? Scim.DEFAULT_PAGE_SIZE : Math.max(0, Math.min(count, Scim.MAX_PAGE_SIZE));
        return new ScimPages(start, size);
    }

    /** The page of {@code matching} (every resource the filter kept, in the service's order) as a ListResponse. */
    public ObjectNode answer(List<? extends JsonNode> matching) {
        int from = Math.min(startIndex - 1, matching.size());
        int to = Math.min(from + count, matching.size());
        List<JsonNode> page = List.copyOf(matching.subList(from, to));
        return JsonUtils.valueToNode(new ListResponse<>(matching.size(), page, startIndex, page.size()));
    }
}
