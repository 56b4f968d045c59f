package io.qunyun.campaign.domain.campaign;

import java.util.List;
import java.util.UUID;

import io.qunyun.campaign.domain.campaign.Rows;

/** The group touches fired by timeline rows, one per row (a port: persistence stores them). */
public interface Touches {

    /** @return false if the row already has its touch (the unique key makes a second one impossible) */
    boolean insertTouch(Rows.TouchRow t);

    int groupPostsInMonth(UUID groupId, String localMonth);

    List<Rows.TouchRow> touches(UUID campaignId);
}
