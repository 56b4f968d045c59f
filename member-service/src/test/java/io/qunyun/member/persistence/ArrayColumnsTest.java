package io.qunyun.member.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.qunyun.platform.persistence.ArrayColumns;

/** Fired rules travel as one array literal per ledger row: whatever a rule's name holds comes back unchanged. */
class ArrayColumnsTest {

    @Test
    void anArrayLiteralIsReadBackByPostgresqlAsTheSameTexts() throws Exception {
        List<String> names = Arrays.asList("R02 check-in shared in a group", "quote \" and backslash \\", "{braces, comma}",
                "", "NULL", null, "积分 ×2");
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("DB_PORT", "5432") + "/qunyun_member_test";
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement q = db.prepareStatement("SELECT CAST(? AS text[])")) {
            q.setString(1, ArrayColumns.literal(names));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertArrayEquals(names.toArray(), (Object[]) rs.getArray(1).getArray());
            }
        }
        assertEquals("{}", ArrayColumns.literal(List.of()));
    }
}
