package io.qunyun.k8s;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Checks one Kubernetes object offline. Kinds with a Java model (Kubernetes core via fabric8,
 * Strimzi's api module, the Prometheus operator's via fabric8 monitoring) are bound to their
 * classes: those keep every field they do not know in {@code additionalProperties}, so a
 * misspelled field anywhere in the tree shows up there. Kinds without a Java model
 * (CloudNativePG) are validated against the CRD's OpenAPI schema shipped in src/test/resources/crds,
 * with unknown fields forbidden as the API server's pruning would silently drop them.
 */
final class SchemaCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

    /** apiVersion/kind -> CRD fixture (CloudNativePG 1.30.0, config/crd/bases). */
    private static final Map<String, String> CRDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io_databases.yaml",
            "postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io_scheduledbackups.yaml");

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaCheck() {
    }

    static Set<String> kinds() {
        Set<String> all = new java.util.TreeSet<>(MODELS.keySet());
        all.addAll(CRDS.keySet());
        return all;
    }

    /** Problems of one object, each naming the offending path; empty when the object is valid. */
    static List<String> problems(ObjectNode doc) {
        String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        List<String> problems = new ArrayList<>();
        Class<?> model = MODELS.get(type);
        if (model != null) {
            try {
                Object object = MAPPER.treeToValue(doc, model);
                unknownFields(object, "", problems, Collections.newSetFromMap(new IdentityHashMap<>()));
            } catch (Exception e) {
                problems.add("does not bind to " + model.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        } else if (CRDS.containsKey(type)) {
            // the CRD schema says only "metadata: object": check metadata with the Kubernetes model
            try {
                ObjectMeta meta = MAPPER.treeToValue(doc.path("metadata"), ObjectMeta.class);
                unknownFields(meta, ".metadata", problems, Collections.newSetFromMap(new IdentityHashMap<>()));
            } catch (Exception e) {
                problems.add("metadata: " + e.getMessage().lines().findFirst().orElse(""));
            }
            ObjectNode copy = doc.deepCopy();
            copy.putObject("metadata");
            for (ValidationMessage message : schema(type).validate(copy)) {
                problems.add(message.getMessage());
            }
        } else {
            problems.add("no schema for " + type + " (add a model class or a CRD fixture to SchemaCheck)");
        }
        return problems;
    }

    /** Walks a bound model and reports every non-empty additionalProperties map with its path. */
    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !isModel(value.getClass()) || !seen.add(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String name = property(getter.getName());
            if (name.equals("additionalProperties") && child instanceof Map<?, ?> extra) {
                for (Object key : extra.keySet()) {
                    problems.add("unknown field " + path + "." + key);
                }
            } else if (child instanceof Map<?, ?> map) {
                map.forEach((k, v) -> unknownFields(v, path + "." + name + "." + k, problems, seen));
            } else if (child instanceof Collection<?> list) {
                int i = 0;
                for (Iterator<?> it = list.iterator(); it.hasNext(); i++) {
                    unknownFields(it.next(), path + "." + name + "[" + i + "]", problems, seen);
                }
            } else {
                unknownFields(child, path + "." + name, problems, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum() && (name.startsWith("io.fabric8.") || name.startsWith("io.strimzi."));
    }

    private static String property(String getter) {
        String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return bare.isEmpty() ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            String version = t.substring(t.indexOf('/') + 1, t.lastIndexOf('/'));
            JsonNode crd = Manifests.documents(Manifests.read(
                    Path.of("src/test/resources/crds").toAbsolutePath().resolve(CRDS.get(t)))).get(0);
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    JsonNode openApi = closed(v.path("schema").path("openAPIV3Schema").deepCopy());
                    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi);
                }
            }
            throw new IllegalStateException("CRD " + CRDS.get(t) + " has no version " + version);
        });
    }

    /**
     * A CRD's structural schema prunes unknown fields; JSON Schema allows them. Forbid them wherever
     * the schema lists properties and neither preserves unknown fields nor declares a map; drop the
     * Kubernetes extensions the validator does not know.
     */
    static JsonNode closed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            boolean intOrString = object.path("x-kubernetes-int-or-string").asBoolean(false);
            object.remove(List.of("x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
                    "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
                    "x-kubernetes-validations", "x-kubernetes-embedded-resource"));
            if (intOrString) {
                object.remove("type");
                object.set("anyOf", JsonNodeFactory.instance.arrayNode()
                        .add(JsonNodeFactory.instance.objectNode().put("type", "integer"))
                        .add(JsonNodeFactory.instance.objectNode().put("type", "string")));
            }
            if (object.has("properties") && !object.has("additionalProperties") && !preserve) {
                object.put("additionalProperties", false);
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(SchemaCheck::closed);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(SchemaCheck::closed);
        }
        return node;
    }
}
