package io.qunyun.rules.persistence;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One version of one decision table, with the moment this service first served it. */
@Entity
@Table(name = "decision_table_release")
public class DecisionTableRelease {

    @EmbeddedId
    public Key key;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(name = "first_served_at", nullable = false)
    public OffsetDateTime firstServedAt;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "table_name", nullable = false)
        public String tableName;

        @Column(name = "version", nullable = false)
        public String version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(tableName, other.tableName)
                    && Objects.equals(version, other.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tableName, version);
        }
    }
}
