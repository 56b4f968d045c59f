package io.qunyun.member.domain;

/** The two records cannot be merged (the same record, or one was merged already). */
public class MergeConflictException extends RuntimeException {

    public MergeConflictException(String message) {
        super(message);
    }
}
