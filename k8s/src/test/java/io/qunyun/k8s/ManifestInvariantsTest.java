package io.qunyun.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the schemas cannot see: the manifests agree with the services' configuration
 * (application.properties, scripts/infra) and with each other. Each rule collects every violation
 * so one run shows them all.
 */
class ManifestInvariantsTest {

    static final List<String> SERVICES = List.of("rules-service", "member-service", "campaign-service");

    /**
     * Quarkus run-time settings the manifests set although application.properties does not mention
     * them; each checked against the config interfaces of the Quarkus 3.20.3 jars.
     */
    static final Set<String> KNOWN_QUARKUS_ENV = Set.of(
            "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD", // FlywayDataSourceRuntimeConfig
            "QUARKUS_SHUTDOWN_TIMEOUT", // ShutdownConfig.timeout
            "QUARKUS_SWAGGER_UI_ENABLE", // SwaggerUiRuntimeConfig.enable
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"); // OtlpExporterTracesConfig.endpoint
    /** Read by the base image's run-java.sh, not by Quarkus. */
    static final Set<String> IMAGE_ENV = Set.of("JAVA_OPTS_APPEND");

    static final Pattern GENERATED_NAME = Pattern.compile("(.+)-[a-z0-9]{10}");

    @BeforeAll
    static void needsKubectl() {
        Manifests.requireKubectl();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsMatchTheServicesConfiguration(String overlay) {
        Rendered r = new Rendered(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode deployment = r.one("Deployment", service, problems);
            JsonNode svc = r.one("Service", service, problems);
            if (deployment == null || svc == null) {
                continue;
            }
            Properties props = properties(service);
            int httpPort = Integer.parseInt(props.getProperty("quarkus.http.port"));
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").path(0);
            String where = overlay + " " + service + ": ";
            if (pod.path("containers").size() != 1) {
                problems.add(where + "expected one container");
            }
            // ports
            JsonNode http = find(container.path("ports"), "name", "http");
            if (http == null || http.path("containerPort").asInt() != httpPort) {
                problems.add(where + "container port http must be quarkus.http.port " + httpPort);
            }
            JsonNode servicePort = find(svc.path("spec").path("ports"), "name", "http");
            if (servicePort == null || servicePort.path("port").asInt() != httpPort
                    || !servicePort.path("targetPort").asText().equals("http")) {
                problems.add(where + "Service port http must be " + httpPort + " -> targetPort http");
            }
            // env: every name the container gets must be read by the service
            Map<String, String> env = new TreeMap<>();
            for (JsonNode e : container.path("env")) {
                env.put(e.path("name").asText(), "env");
            }
            for (JsonNode from : container.path("envFrom")) {
                String cmName = from.path("configMapRef").path("name").asText();
                Matcher generated = GENERATED_NAME.matcher(cmName);
                if (!generated.matches() || !generated.group(1).equals(service)) {
                    problems.add(where + "ConfigMap " + cmName + " is not the generated " + service
                            + "-<hash> (an edit would not roll the pods)");
                }
                JsonNode cm = r.byName("ConfigMap", cmName);
                if (cm == null) {
                    problems.add(where + "envFrom names missing ConfigMap " + cmName);
                } else {
                    cm.path("data").fieldNames().forEachRemaining(n -> env.put(n, "ConfigMap"));
                }
            }
            String text = Manifests.read(Manifests.ROOT.resolve(service + "/src/main/resources/application.properties"));
            for (String name : env.keySet()) {
                if (!consumed(name, text, props)) {
                    problems.add(where + "env " + name + " (" + env.get(name) + ") is read by nothing in "
                            + service + "'s application.properties, Quarkus or the Kafka client");
                }
            }
            // probes
            probe(problems, where, container, "startupProbe", "/q/health/started");
            probe(problems, where, container, "livenessProbe", "/q/health/live");
            probe(problems, where, container, "readinessProbe", "/q/health/ready");
            // resources
            JsonNode resources = container.path("resources");
            for (String path : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                if (resources.at("/" + path).asText().isEmpty()) {
                    problems.add(where + "resources." + path.replace('/', '.') + " not set");
                }
            }
            // restricted Pod Security profile
            JsonNode podSec = pod.path("securityContext");
            JsonNode sec = container.path("securityContext");
            if (!podSec.path("runAsNonRoot").asBoolean() && !sec.path("runAsNonRoot").asBoolean()) {
                problems.add(where + "runAsNonRoot not set");
            }
            if (!"RuntimeDefault".equals(podSec.path("seccompProfile").path("type").asText())) {
                problems.add(where + "seccompProfile RuntimeDefault not set");
            }
            if (sec.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(where + "allowPrivilegeEscalation must be false");
            }
            if (!sec.path("readOnlyRootFilesystem").asBoolean()) {
                problems.add(where + "readOnlyRootFilesystem must be true");
            }
            if (!sec.path("capabilities").path("drop").toString().equals("[\"ALL\"]")) {
                problems.add(where + "capabilities must drop ALL");
            }
            JsonNode tmp = find(container.path("volumeMounts"), "mountPath", "/tmp");
            JsonNode tmpVolume = tmp == null ? null : find(pod.path("volumes"), "name", tmp.path("name").asText());
            if (tmpVolume == null || !tmpVolume.has("emptyDir")) {
                problems.add(where + "/tmp must be an emptyDir (the root filesystem is read-only)");
            }
            // identity
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                problems.add(where + "automountServiceAccountToken must be false");
            }
            JsonNode sa = r.byName("ServiceAccount", pod.path("serviceAccountName").asText());
            if (sa == null || sa.path("automountServiceAccountToken").asBoolean(true)) {
                problems.add(where + "own ServiceAccount without token mount expected");
            }
            // image set by the build: a tag or a digest, never latest
            String image = container.path("image").asText();
            if (!(image.contains("@sha256:") || image.matches(".+:[^/:]+")) || image.endsWith(":latest")) {
                problems.add(where + "image " + image + " has no pinned tag or digest");
            }
            // graceful shutdown: the grace period covers preStop plus Quarkus' shutdown timeout
            long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
            long preStop = container.path("lifecycle").path("preStop").path("exec").path("command").path(1).asLong(0);
            long shutdown = seconds(r.configMapOf(deployment).path("data").path("QUARKUS_SHUTDOWN_TIMEOUT").asText("0s"));
            if (preStop == 0 || shutdown == 0 || grace <= preStop + shutdown) {
                problems.add(where + "terminationGracePeriodSeconds " + grace + " must exceed preStop " + preStop
                        + " s + QUARKUS_SHUTDOWN_TIMEOUT " + shutdown + " s (both set)");
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void labelsSelectorsAndReferencesMatch(String overlay) {
        Rendered r = new Rendered(overlay);
        List<String> problems = new ArrayList<>();
        List<JsonNode> deployments = r.all("Deployment");
        for (JsonNode d : deployments) {
            if (!matches(d.path("spec").path("selector"), d.path("spec").path("template").path("metadata").path("labels"))) {
                problems.add(Manifests.id(d) + ": selector does not match its pod template");
            }
        }
        for (String kind : List.of("Service", "PodDisruptionBudget", "NetworkPolicy")) {
            for (JsonNode o : r.all(kind)) {
                JsonNode selector = kind.equals("Service") ? wrap(o.path("spec").path("selector"))
                        : kind.equals("NetworkPolicy") ? o.path("spec").path("podSelector") : o.path("spec").path("selector");
                long hits = deployments.stream()
                        .filter(d -> matches(selector, d.path("spec").path("template").path("metadata").path("labels"))).count();
                if (hits == 0) {
                    problems.add(Manifests.id(o) + ": selects no Deployment's pods");
                }
                if (!kind.equals("NetworkPolicy") && hits > 1) {
                    problems.add(Manifests.id(o) + ": selects the pods of " + hits + " Deployments");
                }
            }
        }
        for (JsonNode hpa : r.all("HorizontalPodAutoscaler")) {
            if (r.byName("Deployment", hpa.path("spec").path("scaleTargetRef").path("name").asText()) == null) {
                problems.add(Manifests.id(hpa) + ": scaleTargetRef names no Deployment");
            }
        }
        for (JsonNode sm : r.all("ServiceMonitor")) {
            for (String service : SERVICES) {
                JsonNode s = r.byName("Service", service);
                if (s == null || !matches(sm.path("spec").path("selector"), s.path("metadata").path("labels"))) {
                    problems.add(Manifests.id(sm) + ": does not select Service " + service);
                }
            }
        }
        // the Kafka listeners admit the service pods (Strimzi turns networkPolicyPeers into a NetworkPolicy)
        for (JsonNode kafka : r.all("Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                JsonNode peers = listener.path("networkPolicyPeers");
                for (String service : SERVICES) {
                    JsonNode d = r.byName("Deployment", service);
                    JsonNode labels = d == null ? null : d.path("spec").path("template").path("metadata").path("labels");
                    boolean admitted = peers.isEmpty();
                    for (JsonNode peer : peers) {
                        admitted |= labels != null && peer.has("podSelector") && matches(peer.path("podSelector"), labels);
                    }
                    if (!admitted) {
                        problems.add(Manifests.id(kafka) + ": listener " + listener.path("name").asText()
                                + " does not admit the pods of " + service);
                    }
                }
            }
        }
        // Secrets: rendered here, made by an operator (Strimzi user/CA), or the database role Secrets
        Set<String> kafkaUsers = names(r.all("KafkaUser"));
        Set<String> caSecrets = new HashSet<>();
        r.all("Kafka").forEach(k -> caSecrets.add(k.path("metadata").path("name").asText() + "-cluster-ca-cert"));
        Set<String> roleSecrets = new HashSet<>();
        for (JsonNode cluster : r.all("Cluster")) {
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                roleSecrets.add(role.path("passwordSecret").path("name").asText());
            }
        }
        Set<String> rendered = names(r.all("Secret"));
        for (JsonNode d : deployments) {
            for (JsonNode e : d.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
                String secret = e.path("valueFrom").path("secretKeyRef").path("name").asText();
                if (secret.isEmpty()) {
                    continue;
                }
                // a service's OIDC client credentials are issued by the identity provider, so the Secret is
                // created beforehand in every overlay, never committed (docs/operations.md, "Security")
                boolean oidcClient = secret.endsWith("-oidc-client");
                if (!(rendered.contains(secret) || kafkaUsers.contains(secret) || caSecrets.contains(secret)
                        || roleSecrets.contains(secret) || oidcClient)) {
                    problems.add(Manifests.id(d) + ": env " + e.path("name").asText() + " reads unknown Secret " + secret);
                }
            }
        }
        if (overlay.equals("dev")) {
            roleSecrets.stream().filter(s -> !rendered.contains(s))
                    .forEach(s -> problems.add("dev: database Secret " + s + " is not generated"));
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Tokens bound to Qunyun (issue 22): each service checks the issuer and audience of its overlay's realm,
     * gets its keys from the provider alone (a public key beside it would stop the service at startup), reads
     * no realm roles in prod, and no overlay commits an OIDC client secret.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void tokensAreBoundToTheOverlaysRealmAndNoClientSecretIsCommitted(String overlay) {
        Rendered r = new Rendered(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode secret : r.all("Secret")) {
            Set<String> keys = new TreeSet<>();
            secret.path("data").fieldNames().forEachRemaining(keys::add);
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            if (secret.path("metadata").path("name").asText().endsWith("-oidc-client") || keys.contains("client-secret")) {
                problems.add(overlay + ": " + Manifests.id(secret) + " commits an OIDC client secret");
            }
        }
        for (String service : SERVICES) {
            JsonNode deployment = r.one("Deployment", service, problems);
            if (deployment == null) {
                continue;
            }
            JsonNode env = r.configMapOf(deployment).path("data");
            String where = overlay + " " + service + ": ";
            for (String name : List.of("OIDC_AUTH_SERVER_URL", "OIDC_ISSUER", "OIDC_AUDIENCE")) {
                if (env.path(name).asText().isBlank()) {
                    problems.add(where + name + " not set");
                }
            }
            if (!env.path("OIDC_ISSUER").asText().startsWith("https://")) {
                problems.add(where + "OIDC_ISSUER must be the provider's https issuer");
            }
            boolean publicKey = env.has("OIDC_PUBLIC_KEY") || env.has("QUARKUS_OIDC_PUBLIC_KEY");
            for (JsonNode e : deployment.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
                publicKey |= e.path("name").asText().endsWith("OIDC_PUBLIC_KEY");
            }
            if (publicKey) {
                problems.add(where + "OIDC_PUBLIC_KEY beside the provider (the service refuses to start)");
            }
            if (overlay.equals("prod") && env.path("QUNYUN_AUTH_REALM_ROLES").asText("false").equalsIgnoreCase("true")) {
                problems.add(where + "realm roles must stay off in prod (client roles only)");
            }
        }
        assertEquals(List.of(), problems);
    }

    @org.junit.jupiter.api.Test
    void devHasItsOwnRealm() {
        Rendered dev = new Rendered("dev");
        Rendered prod = new Rendered("prod");
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            for (String name : List.of("OIDC_AUTH_SERVER_URL", "OIDC_ISSUER")) {
                String devValue = dev.configMapOf(dev.byName("Deployment", service)).path("data").path(name).asText();
                String prodValue = prod.configMapOf(prod.byName("Deployment", service)).path("data").path(name).asText();
                if (devValue.equals(prodValue)) {
                    problems.add(service + ": dev's " + name + " is production's (" + prodValue + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicsAndAclsCoverWhatTheServicesUse(String overlay) {
        Rendered r = new Rendered(overlay);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> topics = new TreeMap<>();
        for (JsonNode t : r.all("KafkaTopic")) {
            String name = t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText());
            topics.put(name, t.path("spec").path("partitions").asInt());
        }
        // every topic of scripts/infra, with its partition count, and nothing else
        assertEquals(infraTopics(), topics, overlay + ": KafkaTopics vs scripts/infra TOPICS");
        for (String service : SERVICES) {
            Properties props = properties(service);
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (String key : props.stringPropertyNames()) {
                Matcher m = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector").matcher(key);
                if (!m.matches() || !props.getProperty(key).equals("smallrye-kafka")) {
                    continue;
                }
                String prefix = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
                String topic = props.getProperty(prefix + "topic", m.group(2));
                if (m.group(1).equals("incoming")) {
                    reads.add(topic);
                    // Quarkus' default group.id is the application name
                    groups.add(props.getProperty(prefix + "group.id", props.getProperty("quarkus.application.name")));
                    if ("dead-letter-queue".equals(props.getProperty(prefix + "failure-strategy"))) {
                        writes.add(props.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + topic));
                    }
                    if (!topics.containsKey(topic + "-dlq")) {
                        problems.add(service + " consumes " + topic + " but there is no KafkaTopic " + topic + "-dlq");
                    }
                } else {
                    writes.add(topic);
                }
            }
            Set<String> all = new TreeSet<>(reads);
            all.addAll(writes);
            all.stream().filter(t -> !topics.containsKey(t))
                    .forEach(t -> problems.add(service + " uses topic " + t + " that has no KafkaTopic"));
            JsonNode user = r.byName("KafkaUser", service);
            if (user == null) {
                problems.add("no KafkaUser " + service);
                continue;
            }
            for (String t : reads) {
                if (!allowed(user, "topic", t, "Read")) {
                    problems.add("KafkaUser " + service + " may not Read " + t);
                }
            }
            for (String t : writes) {
                if (!allowed(user, "topic", t, "Write")) {
                    problems.add("KafkaUser " + service + " may not Write " + t);
                }
            }
            for (String g : groups) {
                if (!allowed(user, "group", g, "Read")) {
                    problems.add("KafkaUser " + service + " may not Read consumer group " + g);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Alerts and dashboard panels query only metrics the services really serve (snapshots in src/test/resources/metrics). */
    @org.junit.jupiter.api.Test
    void alertsAndDashboardQueryExportedMetrics() throws IOException {
        Set<String> exported = new TreeSet<>();
        for (String service : SERVICES) {
            Manifests.read(java.nio.file.Path.of("src/test/resources/metrics", service + ".txt").toAbsolutePath()).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(exported::add);
        }
        List<String> queries = new ArrayList<>();
        Rendered prod = new Rendered("prod");
        for (JsonNode rule : prod.all("PrometheusRule")) {
            rule.findValues("expr").forEach(e -> queries.add(e.asText()));
        }
        JsonNode dashboard = Manifests.YAML.readTree(prod.byName("ConfigMap", "qunyun-grafana-dashboard").path("data").path("qunyun.json").asText());
        dashboard.findValues("expr").forEach(e -> queries.add(e.asText()));
        List<String> problems = new ArrayList<>();
        for (String query : queries) {
            for (String metric : metricNames(query)) {
                if (!exported.contains(metric)) {
                    problems.add(metric + " (in: " + query + ")");
                }
            }
        }
        assertEquals(List.of(), problems, "metrics no service exports");
        assertEquals(true, queries.size() >= 7, "expected the alert and panel queries, found " + queries.size());
    }

    /** Metric names of a PromQL expression: identifiers outside label matchers, grouping clauses and strings, minus functions. */
    static Set<String> metricNames(String promql) {
        String bare = promql.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*\\}", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
                .replaceAll("\\[[^\\]]*\\]", "");
        Set<String> functions = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase", "time",
                "max_over_time", "min_over_time", "avg_over_time", "histogram_quantile", "abs", "and", "or", "unless");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (m.find()) {
            if (!functions.contains(m.group()) && !m.group().matches("e\\d*")) {
                names.add(m.group());
            }
        }
        return names;
    }

    // --- helpers ---------------------------------------------------------------------------------

    static boolean consumed(String env, String propertiesText, Properties props) {
        if (propertiesText.contains("${" + env + "}") || propertiesText.contains("${" + env + ":")
                || IMAGE_ENV.contains(env) || KNOWN_QUARKUS_ENV.contains(env)) {
            return true;
        }
        if (env.startsWith("QUARKUS_") || env.startsWith("MP_MESSAGING_")) { // a property the service sets
            return props.stringPropertyNames().stream().anyMatch(k -> envName(k).equals(env));
        }
        if (env.startsWith("KAFKA_")) {
            String setting = env.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            return ProducerConfig.configNames().contains(setting) || ConsumerConfig.configNames().contains(setting)
                    || AdminClientConfig.configNames().contains(setting);
        }
        return false;
    }

    /** The environment variable SmallRye Config maps to a property (non-alphanumerics to _, upper case). */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** application.properties of a service, profile prefixes removed (%prod.x and x both count as x). */
    static Properties properties(String service) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(Manifests.read(Manifests.ROOT.resolve(service + "/src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Properties props = new Properties();
        raw.stringPropertyNames().stream().sorted()
                .forEach(k -> props.setProperty(k.replaceFirst("^%[^.]+\\.", ""), raw.getProperty(k)));
        return props;
    }

    static Map<String, Integer> infraTopics() {
        Matcher m = Pattern.compile("(?m)^TOPICS=\"([^\"]*)\"").matcher(Manifests.read(Manifests.ROOT.resolve("scripts/infra")));
        if (!m.find()) {
            throw new IllegalStateException("no TOPICS line in scripts/infra");
        }
        Map<String, Integer> topics = new TreeMap<>();
        for (String t : m.group(1).trim().split("\\s+")) {
            topics.put(t.substring(0, t.indexOf(':')), Integer.parseInt(t.substring(t.indexOf(':') + 1)));
        }
        return topics;
    }

    static boolean allowed(JsonNode user, String type, String name, String operation) {
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode res = acl.path("resource");
            if (!res.path("type").asText().equals(type)) {
                continue;
            }
            String pattern = res.path("name").asText();
            boolean hit = res.path("patternType").asText("literal").equals("prefix") ? name.startsWith(pattern)
                    : pattern.equals("*") || pattern.equals(name);
            boolean op = false;
            for (JsonNode o : acl.path("operations")) {
                op |= o.asText().equals(operation) || o.asText().equals("All");
            }
            if (hit && op) {
                return true;
            }
        }
        return false;
    }

    static void probe(List<String> problems, String where, JsonNode container, String probe, String path) {
        JsonNode get = container.path(probe).path("httpGet");
        if (!get.path("path").asText().equals(path) || !get.path("port").asText().equals("http")) {
            problems.add(where + probe + " must GET " + path + " on port http");
        }
    }

    static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        return null;
    }

    static JsonNode wrap(JsonNode matchLabels) {
        ObjectNode selector = Manifests.YAML.createObjectNode();
        selector.set("matchLabels", matchLabels);
        return selector;
    }

    /** A LabelSelector (matchLabels, matchExpressions In/NotIn/Exists) against a label map; empty selects nothing here. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
            return false;
        }
        for (var it = selector.path("matchLabels").fields(); it.hasNext();) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.path(expr.path("key").asText()).asText(null);
            Set<String> values = new HashSet<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Set<String> names(List<JsonNode> objects) {
        Set<String> names = new TreeSet<>();
        objects.forEach(o -> names.add(o.path("metadata").path("name").asText()));
        return names;
    }

    /** One rendered overlay, indexed by kind and name. */
    static final class Rendered {
        final Map<String, Map<String, JsonNode>> byKind = new HashMap<>();

        Rendered(String overlay) {
            for (ObjectNode doc : Manifests.render(Manifests.K8S.resolve("overlays").resolve(overlay))) {
                byKind.computeIfAbsent(doc.path("kind").asText(), k -> new LinkedHashMap<>())
                        .put(doc.path("metadata").path("name").asText(), doc);
            }
        }

        List<JsonNode> all(String kind) {
            return new ArrayList<>(byKind.getOrDefault(kind, Map.of()).values());
        }

        JsonNode byName(String kind, String name) {
            return byKind.getOrDefault(kind, Map.of()).get(name);
        }

        JsonNode one(String kind, String name, List<String> problems) {
            JsonNode o = byName(kind, name);
            if (o == null) {
                problems.add("missing " + kind + "/" + name);
            }
            return o;
        }

        JsonNode configMapOf(JsonNode deployment) {
            JsonNode ref = deployment.path("spec").path("template").path("spec").path("containers").path(0)
                    .path("envFrom").path(0).path("configMapRef").path("name");
            JsonNode cm = byName("ConfigMap", ref.asText());
            return cm == null ? Manifests.YAML.createObjectNode() : cm;
        }
    }
}
