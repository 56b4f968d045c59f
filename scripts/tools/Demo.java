import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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
    /** The services check bearer tokens: the demo acts as an admin (QUNYUN_TOKEN, else one signed with the local key). */
    static final String TOKEN = bearer();

    static String bearer() {
        try {
            return "Bearer " + env("QUNYUN_TOKEN", Tokens.token("admin"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a local token (scripts/token): " + e.getMessage(), e);
        }
    }

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
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        // not in any group yet: activities outside a group (the group steps below are in a real group)
        String[][] activities = { { "CHECK_IN", null }, { "SHARE", null }, { "CONTENT_POST", null },
                { "PURCHASE", null }, { "AD_SPAM", null } };
        for (String[] a : activities) {
            JsonNode recorded = post(MEMBERS + "/members/" + memberId + "/activities", activity(a[0], a[1], now));
            System.out.println(pick(recorded, "type", "groupId", "activityId"));
        }
        System.out.println("(the same check-in sent again with its idempotency key is not counted twice)");
        post(MEMBERS + "/members/" + memberId + "/activities", activity("CHECK_IN", null, now));
        System.out.println("a check-in in a group the member is not in is refused (it would earn the in-group rate):");
        show(post(MEMBERS + "/members/" + memberId + "/activities", activity("CHECK_IN", UUID.randomUUID().toString(),
                now).replace("\"idempotencyKey\":\"", "\"idempotencyKey\":\"invented-")), "status", "type", "detail");

        say("4. Points credited through Kafka (member-activities → rules-service → reward-decisions → ledger)");
        JsonNode points = awaitEntries(memberId, activities.length);
        ObjectNode statement = JSON.createObjectNode();
        statement.set("balance", points.path("balance"));
        var entries = statement.putArray("entries");
        points.path("entries").forEach(e -> entries.add(pick(e, "activityType", "points", "reason", "firedRules")));
        System.out.println(statement.toPrettyString());

        String campGroup = community();
        campaign(campGroup);
        leadGroupEnds();

        say("The decision tables in use");
        get(RULES + "/decision-tables").forEach(t -> System.out.println(pick(t, "name", "rows", "hitPolicy", "version")));
    }

    /** A conversion-camp group that screens its members: apply, review, join (member-service). */
    static String community() throws Exception {
        say("5. A 30-day conversion camp group that screens who joins (campaign-service positions it)");
        JsonNode camp = post(CAMPAIGN + "/groups", """
                {"name":"30天减脂训练营 #1","platform":"WECOM","aidass":{"from":"DESIRE","to":"ACTION"},
                 "screened":true,"screeningRequired":true,"timeZone":"Asia/Shanghai",
                 "fiveW1H":{"why":"转化","what":"30天陪跑减脂","where":"企业微信","who":"25-35岁上班族",
                            "when":{"lifecycleHours":792},"how":"PAID_ENTRY"}}""");
        show(camp, "id", "type", "timeZone", "screeningRequired", "primaryMetric");
        String group = camp.path("id").asText();
        // member-service learns of the group from the group-changes topic
        JsonNode replica = null;
        for (int i = 0; i < 60 && (replica == null || !replica.has("groupId")); i++) {
            replica = get(MEMBERS + "/groups/" + group);
            if (!replica.has("groupId")) {
                Thread.sleep(500);
            }
        }
        System.out.println("member-service's copy of the group: " + pick(replica, "groupId", "type", "timeZone", "screeningRequired"));

        say("6. The owner joins as staff; a member applies, the owner approves, the member is in");
        String owner = register("demo-owner", "群主·阿青");
        show(post(MEMBERS + "/groups/" + group + "/members",
                JSON.createObjectNode().put("memberId", owner).set("roles", JSON.createArrayNode().add("OWNER")).toString()),
                "memberId", "roles", "staff", "layer", "stage");
        String applicant = register("demo-applicant", "小周");
        System.out.println("joining directly is refused, the group screens:");
        show(post(MEMBERS + "/groups/" + group + "/members", JSON.createObjectNode().put("memberId", applicant).toString()),
                "status", "title", "detail");
        ObjectNode apply = JSON.createObjectNode().put("memberId", applicant);
        apply.putArray("answers").addObject().put("question", "为什么想加入？/ Why join?").put("answer", "想系统地减脂 / to lose weight properly");
        JsonNode application = post(MEMBERS + "/groups/" + group + "/applications", apply.toString());
        show(application, "applicationId", "state", "answers");
        JsonNode decided = post(MEMBERS + "/groups/" + group + "/applications/" + application.path("applicationId").asText()
                + "/decision", JSON.createObjectNode().put("reviewerId", owner).put("outcome", "APPROVED")
                        .put("reason", "目标清晰 / clear goal").toString());
        show(decided, "state", "reviewerId", "decisionReason", "membershipId");
        System.out.println("members of the group (staff flagged):");
        get(MEMBERS + "/groups/" + group + "/members").path("items")
                .forEach(m -> System.out.println("  " + pick(m, "memberId", "roles", "staff", "layer", "stage", "admittedVia")));

        say("7. The member checks in twice in the group on one day: one check-in is credited, the other capped");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (String key : new String[] { "morning", "evening" }) {
            ObjectNode checkIn = JSON.createObjectNode().put("type", "CHECK_IN").put("groupId", group)
                    .put("occurredAt", now).put("idempotencyKey", "demo-" + applicant + "-" + key);
            post(MEMBERS + "/members/" + applicant + "/activities", checkIn.toString());
        }
        JsonNode points = awaitEntries(applicant, 2);
        points.path("entries").forEach(e -> System.out.println("  " + pick(e, "activityType", "points", "cappedBy", "reason")));

        say("8. Points buy rewards: a redemption the balance covers, and one it does not (nothing is written)");
        long balance = points.path("balance").asLong();
        JsonNode bottle = post(MEMBERS + "/rewards", JSON.createObjectNode().put("code", "bottle-" + System.nanoTime())
                .put("name", "运动水杯 / Water bottle").put("cost", Math.max(1, balance / 2)).toString());
        show(post(MEMBERS + "/members/" + applicant + "/redemptions", JSON.createObjectNode()
                .put("rewardId", bottle.path("id").asText()).put("idempotencyKey", "demo-bottle").toString()),
                "rewardCode", "cost", "balance");
        JsonNode watch = post(MEMBERS + "/rewards", JSON.createObjectNode().put("code", "watch-" + System.nanoTime())
                .put("name", "运动手表 / Sports watch").put("cost", balance * 10 + 1000).toString());
        show(post(MEMBERS + "/members/" + applicant + "/redemptions", JSON.createObjectNode()
                .put("rewardId", watch.path("id").asText()).put("idempotencyKey", "demo-watch").toString()),
                "status", "title", "detail");
        return group;
    }

    /** The member's ledger once it holds at least {@code count} entries (credits arrive through Kafka). */
    static JsonNode awaitEntries(String memberId, int count) throws Exception {
        JsonNode points = null;
        for (int i = 0; i < 60; i++) {
            points = get(MEMBERS + "/members/" + memberId + "/points");
            if (points.path("entries").size() >= count) {
                return points;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("only " + points.path("entries").size() + " of " + count
                + " activities were credited within 30 s");
    }

    /** The 30-day camp on the group, on campaign-service's virtual clock (the demo profile). */
    static void campaign(String group) throws Exception {
        say("9. Dry run of the 30-day conversion camp on that group: what it would create, writing nothing");
        JsonNode clock = get(CAMPAIGN + "/clock");
        if (!clock.has("instant")) {
            System.out.println("(campaign-service runs on the system clock: start it with the demo profile to run a camp in seconds)");
            return;
        }
        String today = java.time.LocalDate.ofInstant(Instant.parse(clock.path("instant").asText()),
                java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        JsonNode dry = post(CAMPAIGN + "/campaigns/dry-run", JSON.createObjectNode().put("templateId", "conversion-camp-30d")
                .put("groupId", group).put("startDate", today).toString());
        System.out.println(dry.path("items").size() + " timeline rows, " + dry.path("touches") + " group touches, "
                + dry.path("tasks") + " 1:1 tasks; the first three rows:");
        for (int i = 0; i < Math.min(3, dry.path("items").size()); i++) {
            System.out.println("  " + pick(dry.path("items").get(i), "stepId", "phase", "day", "localDue", "state", "reason"));
        }

        say("10. The camp runs: 33 days on the virtual clock, moved to each step's due time; phase changes as they happen");
        ObjectNode start = JSON.createObjectNode().put("templateId", "conversion-camp-30d").put("startDate", today);
        start.putArray("groupIds").add(group);
        start.putObject("northStar").put("metric", "paid_conversions").put("target", 10);
        start.putArray("relatedMetrics").add("check_in_rate").add("share_count");
        JsonNode campaign = post(CAMPAIGN + "/campaigns", start.toString());
        show(campaign, "id", "templateId", "templateVersion", "state", "startDate", "days");
        String id = campaign.path("id").asText();
        // the clock moves to each pending step's due instant in turn, so every step fires on time
        String phase = null;
        for (int moves = 0; moves < 400; moves++) {
            Instant now = Instant.parse(get(CAMPAIGN + "/clock").path("instant").asText());
            Instant next = null;
            for (JsonNode row : get(CAMPAIGN + "/campaigns/" + id + "/timeline?limit=5000").path("items")) {
                if (row.path("state").asText().equals("PENDING")) {
                    Instant due = Instant.parse(row.path("dueAt").asText());
                    if (due.isAfter(now) && (next == null || due.isBefore(next))) {
                        next = due;
                    }
                }
            }
            if (next == null) {
                post(CAMPAIGN + "/clock/advance", "{\"duration\":\"P4D\"}"); // past the grace days
            } else {
                send(HttpRequest.newBuilder(URI.create(CAMPAIGN + "/clock")).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"instant\":\"" + next + "\"}")));
            }
            JsonNode campaignNow = get(CAMPAIGN + "/campaigns/" + id);
            if (!java.util.Objects.equals(phase, campaignNow.path("phase").asText(null))) {
                phase = campaignNow.path("phase").asText(null);
                System.out.println("  day " + campaignNow.path("day") + ": phase " + phase + " ("
                        + campaignNow.path("state").asText() + ")");
            }
            if (next == null) {
                break;
            }
        }

        say("11. The timeline afterwards: every step with its due time (UTC and local) and state");
        Map<String, Integer> states = new java.util.TreeMap<>();
        JsonNode page = get(CAMPAIGN + "/campaigns/" + id + "/timeline?limit=500");
        page.path("items").forEach(r -> states.merge(r.path("state").asText(), 1, Integer::sum));
        System.out.println("rows by state: " + states);
        page.path("items").forEach(r -> {
            if (r.path("stepId").asText().matches("opening-ceremony|kol-sharing-session|limited-offer|closing-ceremony|review")) {
                System.out.println("  " + pick(r, "stepId", "phase", "day", "dueAt", "dueLocal", "state"));
            }
        });
        JsonNode tasks = get(CAMPAIGN + "/tasks?campaignId=" + id + "&limit=5");
        System.out.println("operator tasks (first five): " + tasks.path("items").size());
        tasks.path("items").forEach(t -> System.out.println("  " + pick(t, "stepId", "memberId", "assigneeRole", "status", "tactic")));
    }

    /** A lead group lives 48 hours (GroupPositioning), then its promising members are invited onward. */
    static void leadGroupEnds() throws Exception {
        if (!get(CAMPAIGN + "/clock").has("instant")) {
            return; // the system clock: 48 hours would be a long demo
        }
        say("12. A lead group (48 h lifespan from the positioning decision) linked to the 7-day plan group that follows it");
        JsonNode lead = post(CAMPAIGN + "/groups", """
                {"name":"免费体验·引流群 #2","platform":"WECOM","aidass":{"from":"INTEREST","to":"DESIRE"},
                 "fiveW1H":{"why":"为7天计划引流","what":"免费体验课","where":"企业微信","who":"25-35岁上班族",
                            "when":{"lifecycleHours":48},"how":"IN_GROUP_CONVERSION"}}""");
        show(lead, "id", "type", "lifespanHours", "primaryMetric");
        String leadId = lead.path("id").asText();
        JsonNode plan = post(CAMPAIGN + "/groups", """
                {"name":"7天计划群","platform":"WECOM","aidass":{"from":"DESIRE","to":"ACTION"},
                 "fiveW1H":{"why":"转化","what":"7天陪跑计划","where":"企业微信","who":"25-35岁上班族",
                            "when":{"lifecycleHours":168},"how":"PAID_ENTRY"}}""");
        String planId = plan.path("id").asText();
        System.out.println("successor proposals for the lead group (AIDASS path): ");
        get(CAMPAIGN + "/groups/" + leadId + "/successor-proposals").forEach(g -> System.out.println("  " + pick(g, "id", "name", "type")));
        show(send(HttpRequest.newBuilder(URI.create(CAMPAIGN + "/groups/" + leadId + "/successor"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"successorGroupId\":\"" + planId + "\"}"))),
                "id", "state", "successorGroupId");
        for (String g : new String[] { leadId, planId }) {
            for (int i = 0; i < 60 && !get(MEMBERS + "/groups/" + g).has("groupId"); i++) {
                Thread.sleep(500);
            }
        }

        say("13. Three people join the lead group; one of them takes part and buys (the lead flow screens them)");
        String host = register("demo-lead-host", "主持人·阿青");
        post(MEMBERS + "/groups/" + leadId + "/members",
                JSON.createObjectNode().put("memberId", host).set("roles", JSON.createArrayNode().add("OWNER")).toString());
        String looker = register("demo-lead-looker", "只看不说的小王");
        post(MEMBERS + "/groups/" + leadId + "/members", JSON.createObjectNode().put("memberId", looker).toString());
        String buyer = register("demo-lead-buyer", "积极的小李");
        post(MEMBERS + "/groups/" + leadId + "/members", JSON.createObjectNode().put("memberId", buyer).toString());
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (String type : new String[] { "CHECK_IN", "CONTENT_POST", "PURCHASE" }) {
            post(MEMBERS + "/members/" + buyer + "/activities", JSON.createObjectNode().put("type", type)
                    .put("groupId", leadId).put("occurredAt", now).put("idempotencyKey", "demo-lead-" + buyer + type).toString());
        }
        for (int i = 0; i < 60 && !get(MEMBERS + "/members/" + buyer + "/groups").path(0).path("stage").asText().equals("PURCHASED"); i++) {
            Thread.sleep(500);
        }
        get(MEMBERS + "/groups/" + leadId + "/members").path("items")
                .forEach(m -> System.out.println("  " + pick(m, "memberId", "roles", "staff", "layer", "stage", "activityState")));

        say("14. Preview: what the end of the lifespan will do (nothing changes yet)");
        JsonNode preview = get(CAMPAIGN + "/groups/" + leadId + "/lifecycle/preview?verdict=EXPIRE");
        show(preview, "cause", "verdict", "currentState", "states", "successorGroupId", "closureKind", "skipReason");
        preview.path("tasks").forEach(t -> System.out.println("  " + pick(t, "kind", "memberId", "layer", "rank", "content")));

        say("15. 48 hours pass on the virtual clock: the lead group ends, its promising members are invited onward first");
        post(CAMPAIGN + "/clock/advance", "{\"duration\":\"PT48H\"}");
        JsonNode life = null;
        for (int i = 0; i < 60; i++) {
            life = get(CAMPAIGN + "/groups/" + leadId + "/lifecycle");
            if (life.path("state").asText().equals("DISSOLVED")) {
                break;
            }
            Thread.sleep(500);
            post(CAMPAIGN + "/clock/advance", "{\"duration\":\"PT1M\"}");
        }
        System.out.println("lead group state: " + life.path("state").asText());
        life.path("actions").forEach(a -> System.out.println("  action " + pick(a, "cause", "verdict", "table", "tableVersion",
                "decidedBy", "firedRules", "state", "reason")));
        life.path("tasks").forEach(t -> System.out.println("  task " + pick(t, "kind", "memberId", "layer", "rank", "status", "outcome")));
        System.out.println("members of the 7-day plan group now:");
        get(MEMBERS + "/groups/" + planId + "/members").path("items")
                .forEach(m -> System.out.println("  " + pick(m, "memberId", "admittedVia", "invitedFromGroupId", "stage")));
        System.out.println("the buyer's memberships:");
        get(MEMBERS + "/members/" + buyer + "/groups")
                .forEach(m -> System.out.println("  " + pick(m, "groupId", "leftAt", "exitKind", "invitedFromGroupId")));
    }

    static String register(String prefix, String name) throws Exception {
        return post(MEMBERS + "/members", JSON.createObjectNode().put("sourceSystem", "wecom")
                .put("externalId", prefix + "-" + System.nanoTime()).put("displayName", name).toString()).path("id").asText();
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
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                        .header("Authorization", TOKEN).build(),
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
