package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


@ApplicationScoped
public class MemberService {

    private final Members members;
    private final Clock clock;

    MemberService(Members members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    /** @throws DuplicateMemberException if (sourceSystem, externalId) is registered already */
    @Transactional
    public Member register(String sourceSystem, String externalId, String displayName) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.sourceSystem = sourceSystem;
        member.externalId = externalId;
        member.displayName = displayName;
        // PostgreSQL keeps microseconds: answer with what a later GET will return.
        member.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (!members.insertIfAbsent(member)) {
            Member existing = members.findBySourceAndExternalId(sourceSystem, externalId)
                    .orElseThrow(() -> new IllegalStateException("conflicting member vanished"));
            throw new DuplicateMemberException(sourceSystem, externalId, existing.id);
        }
        return member;
    }

    /** The member; a record merged into another resolves to the survivor. */
    @Transactional
    public Member get(UUID id) {
        Member member = members.byId(id).orElseThrow(() -> new MemberNotFoundException(id));
        return member.mergedInto == null ? member : members.byId(member.mergedInto).orElse(null);
    }
}
