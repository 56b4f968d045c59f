package io.qunyun.member.domain;

public class DuplicateRewardException extends RuntimeException {

    public DuplicateRewardException(String code) {
        super("The catalogue already has a reward with code " + code);
    }
}
