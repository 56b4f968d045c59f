package io.qunyun.platform.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAndShutdownsAreUnavailabilityAnywhereInTheChain() {
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseUnavailable.causedBy(
                new org.hibernate.exception.JDBCConnectionException("gone", new SQLException("gone", "08006"))));
    }

    @Test
    void defectsAndBadDataAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new NullPointerException()));
        assertFalse(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("no state")));
    }
}
