package io.qunyun.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.qunyun.member.persistence.Member;

public record MemberResponse(UUID id, String sourceSystem, String externalId, String displayName, Instant createdAt) {

    static MemberResponse of(Member member) {
        return new MemberResponse(member.id, member.sourceSystem, member.externalId, member.displayName,
                member.createdAt);
    }
}
