package io.qunyun.campaign.domain.campaign;

import io.qunyun.campaign.domain.template.Template.Action;

/** Which actions are posts into the group (and count against the platform's monthly group-post limit). */
final class TouchRules {

    private TouchRules() {
    }

    static boolean countsAsPost(Action action) {
        return action == Action.GROUP_POST || action == Action.EVENT_SESSION || action == Action.OFFER_WINDOW;
    }
}
