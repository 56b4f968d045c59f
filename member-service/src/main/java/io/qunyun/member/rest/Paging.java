package io.qunyun.member.rest;

import java.util.UUID;

import io.qunyun.platform.rest.InvalidParameterException;

/** Query parameters of keyset-paged lists: {@code after} (the previous page's nextCursor) and {@code limit}. */
final class Paging {

    private Paging() {
    }

    static int limit(String limit, int defaultLimit, int max) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("limit", "must be an integer between 1 and " + max);
        }
        if (value < 1 || value > max) {
            throw new InvalidParameterException("limit", "must be between 1 and " + max);
        }
        return value;
    }

    /** The cursor of these lists is the last item's UUID; anything else is a 400 naming {@code after}. */
    static UUID after(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(after.strip());
            if (!id.toString().equalsIgnoreCase(after.strip())) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("after", "is not a cursor of this list (use the nextCursor of the previous page)");
        }
    }
}
