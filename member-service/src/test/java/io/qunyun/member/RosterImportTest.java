package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class RosterImportTest {

    @Test
    void importsTenThousandRowsWithABomReportsBadRowsAndReimportsOnlyTheFixedOnes() {
        String source = "wecom-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder file = new StringBuilder("\uFEFFsourceSystem,externalId,displayName\n");
        for (int i = 0; i < 9_999; i++) { // + 1 duplicate below = 10,000 rows, the most one file may hold
            String name = switch (i) {
                case 17 -> "";                       // bad: blank name
                case 42 -> "\"Li, \"\"Lei\"\"\"";   // quoted comma and quotes
                default -> "Member " + i;
            };
            file.append(source).append(",ext-").append(i).append(',').append(name).append('\n');
        }
        file.append(source).append(",ext-5,Duplicate of row 6\n"); // bad: repeats a key
        post(file.toString())
                .body("rows", equalTo(10_000))
                .body("imported", equalTo(9_998))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("failed", equalTo(2))
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo(18))
                .body("errors[0].field", equalTo("displayName"))
                .body("errors[1].row", equalTo(10_000))
                .body("errors[1].field", equalTo("externalId"));

        // corrected: row 18 gets a name, one member is renamed; everything else is sent unchanged
        String corrected = file.toString()
                .replace(source + ",ext-17,\n", source + ",ext-17,Member 17\n")
                .replace(source + ",ext-99,Member 99\n", source + ",ext-99,Member 99 (renamed)\n")
                .replace(source + ",ext-5,Duplicate of row 6\n", "")
                .substring(1); // and this time without a BOM
        post(corrected)
                .body("rows", equalTo(9_999))
                .body("imported", equalTo(1))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(9_997))
                .body("failed", equalTo(0));
    }

    @Test
    void moreThanTenThousandRowsIsA400() {
        StringBuilder file = new StringBuilder("sourceSystem,externalId,displayName\n");
        for (int i = 0; i < 10_001; i++) {
            file.append("big,").append(UUID.randomUUID()).append(",M\n");
        }
        given().contentType("text/csv").body(file.toString()).post("/members/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void aFileWithoutTheColumnsOrNotUtf8IsA400ThatWritesNothing() {
        String source = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("text/csv").body("source,id,name\n" + source + ",1,A\n").post("/members/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"));
        given().contentType("text/csv").body(new byte[] { 's', ',', (byte) 0xC3, (byte) 0x28, '\n' })
                .post("/members/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        // nothing of the refused files was written: the same row now is new
        post("sourceSystem,externalId,displayName\n" + source + ",1,A\n").body("imported", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse post(String csv) {
        return given().contentType("text/csv; charset=utf-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/members/import").then().statusCode(200);
    }
}
