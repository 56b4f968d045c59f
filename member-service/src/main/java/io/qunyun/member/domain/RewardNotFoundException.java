package io.qunyun.member.domain;

import java.util.UUID;

public class RewardNotFoundException extends RuntimeException {

    public RewardNotFoundException(UUID rewardId) {
        super("No active reward with id " + rewardId + " in the catalogue");
    }
}
