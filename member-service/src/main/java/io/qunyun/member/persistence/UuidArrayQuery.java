package io.qunyun.member.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The ids a single-column query answers for an array of ids ({@code … = ANY (?)}). An array parameter keeps
 * the statement text the same for any number of ids, so the driver keeps it prepared; an IN list made a new
 * statement, and a Hibernate translation, for every list size (docs/performance.md).
 */
final class UuidArrayQuery {

    private UuidArrayQuery() {
    }

    /** @param sql one {@code ?} for a {@code uuid[]}, one uuid column in the result */
    static Set<UUID> ids(EntityManager em, String sql, Collection<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add((UUID) rows.getObject(1));
                    }
                }
            }
        });
        return found;
    }
}
