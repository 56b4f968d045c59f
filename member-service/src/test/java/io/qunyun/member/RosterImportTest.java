package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;

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
        // no charset declared and not UTF-8: the body is malformed, and the first line that does not decode is named
        noDefaultCharset().contentType("text/csv")
                .body(bytes("sourceSystem,externalId,displayName\n" + source + ",2,B\ns,", new byte[] { (byte) 0xC3, 0x28 }, "\n"))
                .post("/members/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("body"))
                .body("line", equalTo(3))
                .body("detail", containsString("line 3 is not UTF-8 text"))
                .body("detail", containsString("第 3 行"));
        // nothing of the refused files was written: the same row now is new
        post("sourceSystem,externalId,displayName\n" + source + ",1,A\n").body("imported", equalTo(1));
    }

    /** Chinese Excel's "CSV" is GB18030 (GBK): honoured when the request declares it (issue 23, item 4). */
    @Test
    void aRosterSavedByChineseExcelImportsInTheDeclaredCharset() {
        String source = "excel-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "sourceSystem,externalId,displayName\r\n" + source + ",1,张伟\r\n" + source + ",2,李雷\r\n";
        noDefaultCharset().contentType("text/csv; charset=GB18030").body(csv.getBytes(Charset.forName("GB18030")))
                .post("/members/import").then().statusCode(200)
                .body("rows", equalTo(2)).body("imported", equalTo(2)).body("failed", equalTo(0));
        // the same names in GBK, and then in UTF-8 with a BOM: the names were stored as written (unchanged)
        noDefaultCharset().contentType("text/csv;charset=\"gbk\"").body(csv.getBytes(Charset.forName("GBK")))
                .post("/members/import").then().statusCode(200)
                .body("rows", equalTo(2)).body("unchanged", equalTo(2));
        noDefaultCharset().contentType("text/csv; charset=utf-8")
                .body(bytes("\uFEFF" + csv.replace("张伟", "张伟伟"), new byte[0], ""))
                .post("/members/import").then().statusCode(200)
                .body("rows", equalTo(2)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
    }

    @Test
    void aMalformedRowIsARowErrorAndTheGoodRowsImport() {
        String source = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        post("sourceSystem,externalId,displayName\n" + source + ",1,A\n" + source + ",2,B,extra\n" + source + ",3,C\n"
                + source + ",4,\"unclosed\n")
                .body("rows", equalTo(4))
                .body("imported", equalTo(2))
                .body("failed", equalTo(2))
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("row"))
                .body("errors[0].message", containsString("has 4 values; the header has 3 columns"))
                .body("errors[1].row", equalTo(4));
    }

    private static io.restassured.specification.RequestSpecification noDefaultCharset() {
        // RestAssured would otherwise declare ISO-8859-1 for text/csv
        return given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static byte[] bytes(String before, byte[] raw, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + raw.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(raw, 0, all, a.length, raw.length);
        System.arraycopy(c, 0, all, a.length + raw.length, c.length);
        return all;
    }

    private static io.restassured.response.ValidatableResponse post(String csv) {
        return given().contentType("text/csv; charset=utf-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/members/import").then().statusCode(200);
    }
}
