package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;


/**
 * Imports roster rows keyed by (source system, external id): a new key registers a member, a known
 * key with another display name updates it, a known key with the same name changes nothing. So a
 * corrected file sent again imports the fixed rows and leaves everything else as it is.
 */
@ApplicationScoped
public class RosterImportService {

    /** Rows written per transaction: a 10k-row file never holds one huge transaction. */
    static final int CHUNK = 500;

    public record Counts(int imported, int updated, int unchanged) {
    }

    private final Members members;
    private final Clock clock;

    RosterImportService(Members members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    public Counts importRows(List<RosterRow> rows) {
        int imported = 0;
        int updated = 0;
        int unchanged = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<RosterRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            int[] counts = QuarkusTransaction.requiringNew().call(() -> writeChunk(chunk));
            imported += counts[0];
            updated += counts[1];
            unchanged += counts[2];
        }
        return new Counts(imported, updated, unchanged);
    }

    private int[] writeChunk(List<RosterRow> chunk) {
        int[] counts = new int[3];
        Map<String, Map<String, Member>> existing = new HashMap<>();
        chunk.stream().map(RosterRow::sourceSystem).distinct().forEach(source -> {
            Map<String, Member> bySource = new HashMap<>();
            members.findBySourceAndExternalIds(source, chunk.stream().filter(r -> r.sourceSystem().equals(source))
                    .map(RosterRow::externalId).toList()).forEach(m -> bySource.put(m.externalId, m));
            existing.put(source, bySource);
        });
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Member> created = new ArrayList<>();
        for (RosterRow row : chunk) {
            Member member = existing.get(row.sourceSystem()).get(row.externalId());
            if (member == null) {
                member = new Member();
                member.id = UUID.randomUUID();
                member.sourceSystem = row.sourceSystem();
                member.externalId = row.externalId();
                member.displayName = row.displayName();
                member.createdAt = now;
                created.add(member);
            } else {
                rename(member, row.displayName(), counts);
            }
        }
        Set<UUID> inserted = members.insertAllIfAbsent(created, now);
        counts[0] += inserted.size();
        for (Member row : created) {
            if (!inserted.contains(row.id)) {
                // registered concurrently since we looked: treat it as known
                rename(members.findBySourceAndExternalId(row.sourceSystem, row.externalId).orElseThrow(),
                        row.displayName, counts);
            }
        }
        return counts;
    }

    /** A known member: updated when the file names it differently, unchanged otherwise. */
    private static void rename(Member member, String displayName, int[] counts) {
        if (member.displayName.equals(displayName)) {
            counts[2]++;
        } else {
            member.displayName = displayName;
            counts[1]++;
        }
    }
}
