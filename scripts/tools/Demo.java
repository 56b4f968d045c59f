import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo that scripts/run-platform runs against the three services (scripts/demo starts it): what
 * an operator would do by hand, printed step by step. Java (java.net.http and Jackson) instead of
 * curl and jq, so that a JDK is all it needs. Service URLs from CAMPAIGN_URL, MEMBER_URL, RULES_URL.
 */
public class Demo {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String CAMPAIGN = env("CAMPAIGN_URL", "http://localhost:8081");
    static final String MEMBERS = env("MEMBER_URL", "http://localhost:8083");
    static final String RULES = env("RULES_URL", "http://localhost:8082");

    public static void main(String[] args) throws Exception {
        say("1. Position a lead group (AIDASS INTEREST..DESIRE) that plans to run 72 hours");
        JsonNode lead = post(CAMPAIGN + "/groups", """
                {"name":"7天减脂打卡·引流群","platform":"WECOM","aidass":{"from":"INTEREST","to":"DESIRE"},
                 "fiveW1H":{"why":"为训练营引流","what":"免费7天减脂计划","where":"企业微信","who":"25-35岁上班族",
                            "when":{"lifecycleHours":72},"how":"IN_GROUP_CONVERSION"}}""");
        show(lead, "id", "type", "lifespanHours", "intensity", "primaryMetric", "findings", "decisions");

        say("2. A conversion camp without a lifecycle (no WHEN) is blocked");
        JsonNode blocked = post(CAMPAIGN + "/groups", """
                {"name":"30天训练营","platform":"WECHAT","aidass":{"from":"DESIRE","to":"ACTION"},
                 "fiveW1H":{"why":"转化","what":"30天陪跑","who":"宝妈","how":"PAID_ENTRY"}}""");
        show(blocked, "status", "title", "findings");

        say("3. A member joins and is active for a day");
        JsonNode member = post(MEMBERS + "/members", JSON.createObjectNode()
                .put("sourceSystem", "wecom").put("externalId", "demo-" + System.nanoTime()).put("displayName", "小林")
                .toString());
        String memberId = member.path("id").asText();
        System.out.println("member " + memberId);
        String group = UUID.randomUUID().toString();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String[][] activities = { { "CHECK_IN", group }, { "CHECK_IN", null }, { "SHARE", group },
                { "CONTENT_POST", group }, { "PURCHASE", null }, { "AD_SPAM", group } };
        for (String[] a : activities) {
            JsonNode recorded = post(MEMBERS + "/members/" + memberId + "/activities", activity(a[0], a[1], now));
            System.out.println(pick(recorded, "type", "groupId", "activityId"));
        }
        System.out.println("(the same check-in sent again with its idempotency key is not counted twice)");
        post(MEMBERS + "/members/" + memberId + "/activities", activity("CHECK_IN", group, now));

        say("4. Points credited through Kafka (member-activities → rules-service → reward-decisions → ledger)");
        JsonNode points = null;
        for (int i = 0; i < 40; i++) {
            points = get(MEMBERS + "/members/" + memberId + "/points");
            if (points.path("entries").size() >= activities.length) {
                break;
            }
            Thread.sleep(500);
        }
        ObjectNode statement = JSON.createObjectNode();
        statement.set("balance", points.path("balance"));
        var entries = statement.putArray("entries");
        points.path("entries").forEach(e -> entries.add(pick(e, "activityType", "points", "reason", "firedRules")));
        System.out.println(statement.toPrettyString());
        if (points.path("entries").size() < activities.length) {
            throw new IllegalStateException("only " + points.path("entries").size() + " of " + activities.length
                    + " activities were credited within 20 s");
        }

        say("5. The decision tables in use");
        get(RULES + "/decision-tables").forEach(t -> System.out.println(t));
    }

    static String activity(String type, String groupId, String occurredAt) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("occurredAt", occurredAt)
                .put("idempotencyKey", "demo-" + type + "-" + (groupId == null ? "" : groupId));
        if (groupId != null) {
            body.put("groupId", groupId);
        }
        return body.toString();
    }

    static JsonNode post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Any answer with a JSON body is shown (a 4xx problem is part of the demo); a 5xx stops it. */
    static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static ObjectNode pick(JsonNode node, String... fields) {
        ObjectNode out = JSON.createObjectNode();
        for (String f : fields) {
            out.set(f, node.path(f).isMissingNode() ? null : node.get(f));
        }
        return out;
    }

    static void show(JsonNode node, String... fields) {
        System.out.println(pick(node, fields).toPrettyString());
    }

    static void say(String text) {
        System.out.println();
        System.out.println("== " + text);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
