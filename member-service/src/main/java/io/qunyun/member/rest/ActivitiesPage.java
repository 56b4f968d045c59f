package io.qunyun.member.rest;

import java.util.List;

/** One page of a member's activities, newest first; nextCursor (an activity id) is null on the last page. */
public record ActivitiesPage(List<ActivityResponse> items, String nextCursor) {
}
