package io.qunyun.platform.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboxEventRepository implements PanacheRepository<OutboxEvent> {

    /**
     * The oldest pending rows, locked until the calling transaction ends. SKIP LOCKED lets a
     * second relay (another instance) take the next rows instead of waiting.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockOldest(int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM outbox_event
                ORDER BY id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter("limit", limit)
                // the relay only reads them: nothing to snapshot for, or dirty-check at, the commit
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    /**
     * Inserts the rows in one statement ({@link ArrayColumns}), in list order (ids, hence publication order,
     * follow it: ORDER BY the position in the list). A persist per row cost a round trip each: the id is an
     * identity column.
     */
    public void insertAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, message_key, payload, created_at, trace_parent)
                    SELECT e, t, k, p, c, tp
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                         WITH ORDINALITY AS u(e, t, k, p, c, tp, n)
                    ORDER BY n""")) {
                new ArrayColumns<>(connection, insert, events).add("uuid", e -> e.eventId).addText(e -> e.topic)
                        .addText(e -> e.messageKey).addText(e -> e.payload).addText(e -> e.createdAt)
                        .addText(e -> e.traceParent);
                insert.executeUpdate();
            }
        });
    }

    /**
     * About how many rows wait: the span of ids still in the table. Rows leave from the front (the relay
     * deletes the acknowledged prefix of the oldest batch), so the span is the count but for rows another
     * instance deleted out of order; it costs two index lookups, where count(*) scanned the whole backlog,
     * which took longer the further the relay fell behind.
     */
    public long pendingEstimate() {
        return getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.Statement query = connection.createStatement();
                    java.sql.ResultSet rows = query.executeQuery(
                            "SELECT COALESCE(max(id) - min(id) + 1, 0) FROM outbox_event")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Deletes the given rows with one statement for any number of ids (plain JDBC with an array: an HQL IN list is
     * translated per size). The relay's ids are a run of neighbours in id order, so the rows are found by one walk
     * of the primary key's range from the smallest to the largest, the array only filtering in it ({@code id + 0}
     * keeps the planner from using the array as index condition). Looked up one id at a time, as {@code id = ANY}
     * is, each lookup read the index from its root and past the entries of rows deleted earlier and not yet
     * vacuumed: 2,512 buffers for a call of ~120 ids under a backlog against 17 for the range (docs/performance.md,
     * "A slower machine, lock waits and one statement per list"). Rows of the range that are not in the array
     * (another relay's, locked by it) stay.
     */
    public long deleteByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        long first = ids.stream().mapToLong(Long::longValue).min().getAsLong();
        long last = ids.stream().mapToLong(Long::longValue).max().getAsLong();
        return getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outbox_event WHERE id BETWEEN ? AND ? AND id + 0 = ANY (?)")) {
                delete.setLong(1, first);
                delete.setLong(2, last);
                delete.setArray(3, connection.createArrayOf("bigint", ids.toArray()));
                return (long) delete.executeUpdate();
            }
        });
    }
}
