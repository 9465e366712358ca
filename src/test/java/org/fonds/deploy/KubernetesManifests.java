package org.fonds.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Reading the Kubernetes manifests of deploy/kubernetes as the API server would: core resources with the fabric8
 * Kubernetes model, failing on unknown fields and on wrong types; CloudNativePG resources with the operator's own
 * CustomResourceDefinition schemas, closed so that an unknown field fails too (the API server would silently prune
 * it); and the overlays rendered by {@code kubectl kustomize}.
 */
final class KubernetesManifests {

    static final Path ROOT = Path.of("deploy", "kubernetes");
    /** The operator's CRDs (../shared/schemas/cloudnative-pg, beside the project; its README says where from). */
    static final Path SCHEMAS = Path.of(System.getenv().getOrDefault("FONDS_SHARED_SCHEMAS",
            Path.of("..", "shared", "schemas").toString()), "cloudnative-pg");
    /** API groups without a fabric8 model: read as generic resources, validated against their CRD schemas instead. */
    static final List<String> CUSTOM_GROUPS = List.of("postgresql.cnpg.io", "barmancloud.cnpg.io");

    /**
     * Jackson as strict as the API server: no unknown field (fabric8's models keep unknown fields in a map of
     * "additional properties", which this introspector switches off for every typed model) and no coercion of a scalar
     * into another type ({@code replicas: "2"}, or a number where a string is wanted such as an env value).
     */
    static final ObjectMapper STRICT = strictMapper();
    /** Plain YAML, for the trees that are validated against JSON schemas. */
    static final ObjectMapper YAML = new YAMLMapper();

    private static final Map<String, Schema> SCHEMA_CACHE = new ConcurrentHashMap<>();

    private KubernetesManifests() {
    }

    /** One YAML document of a manifest file or of a rendering, as a tree and as the resource fabric8 reads. */
    record Manifest(String source, JsonNode tree, KubernetesResource resource) {

        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        String group() {
            String v = apiVersion();
            return v.contains("/") ? v.substring(0, v.indexOf('/')) : "";
        }

        boolean custom() {
            return CUSTOM_GROUPS.contains(group());
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + source + ")";
        }
    }

    private static ObjectMapper strictMapper() {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated a) {
                        // generic resources (custom kinds) keep everything but their metadata in that map
                        if (a instanceof AnnotatedMember m
                                && !GenericKubernetesResource.class.isAssignableFrom(m.getDeclaringClass())
                                && m.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                            return Boolean.FALSE;
                        }
                        return super.hasAnySetter(a);
                    }
                })
                .build();
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Every document of this YAML text, read strictly; a document fabric8 cannot read fails with its reason. */
    static List<Manifest> parse(String source, String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        try {
            for (JsonNode tree : STRICT.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (tree == null || tree.isNull() || tree.isMissingNode() || tree.isEmpty()) {
                    continue;
                }
                manifests.add(new Manifest(source, tree, STRICT.treeToValue(tree, KubernetesResource.class)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        return manifests;
    }

    static List<Manifest> parse(Path file) {
        return parse(file.toString(), read(file));
    }

    /** Every YAML file under this folder of deploy/kubernetes, but the kustomization files. */
    static List<Path> manifestFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals(
                    "kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kustomization file as a tree (kustomize reads it strictly itself when it renders). */
    static JsonNode kustomization(Path folder) {
        try {
            return YAML.readTree(folder.resolve("kustomization.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The resources {@code kubectl kustomize} renders from this kustomization. Skips the calling test when kubectl is
     * not installed, or fails it where it is required ({@code FONDS_REQUIRE_KUBECTL=true}, set by .ci/run).
     */
    static List<Manifest> render(Path folder) {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", folder.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            boolean required = "true".equals(System.getenv("FONDS_REQUIRE_KUBECTL"));
            String message = "kubectl is not installed (" + e.getMessage() + "): " + folder + " not rendered; "
                    + "every manifest file is still parsed and validated on its own";
            if (required) {
                throw new AssertionError(message + ", but FONDS_REQUIRE_KUBECTL=true", e);
            }
            Assumptions.abort(message);
            throw new AssertionError("unreachable");
        }
        try {
            process.getOutputStream().close();
            // read both streams before waiting: a full pipe would block kubectl
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + folder + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + folder + " failed: "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return parse("kubectl kustomize " + folder, new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The errors of this CloudNativePG resource against the schema of its kind in the operator's CRD, closed
     * ({@link #close}); {@code partial} (a kustomize patch) leaves out what the schema requires.
     */
    static List<Error> validate(Manifest manifest, boolean partial) {
        String plural = switch (manifest.kind()) {
            case "Cluster" -> "clusters";
            case "ScheduledBackup" -> "scheduledbackups";
            case "Backup" -> "backups";
            case "Pooler" -> "poolers";
            default -> throw new AssertionError("no CloudNativePG schema for " + manifest);
        };
        String version = manifest.apiVersion().substring(manifest.apiVersion().indexOf('/') + 1);
        Schema schema = schema(plural + "/" + version + (partial ? "/partial" : ""), () -> {
            JsonNode crd = crd(plural);
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    return v.path("schema").path("openAPIV3Schema").deepCopy();
                }
            }
            throw new AssertionError("the CRD of " + plural + " has no version " + version);
        }, partial);
        return schema.validate(json(manifest.tree()), InputFormat.JSON);
    }

    /**
     * The errors of an object store configuration (the Barman Cloud Plugin's ObjectStore {@code spec.configuration}
     * has the format of the Cluster's own {@code spec.backup.barmanObjectStore}, so it is validated against that part
     * of the Cluster's schema).
     */
    static List<Error> validateObjectStoreConfiguration(JsonNode configuration, boolean partial) {
        Schema schema = schema("barmanObjectStore" + (partial ? "/partial" : ""), () -> {
            for (JsonNode v : crd("clusters").path("spec").path("versions")) {
                if (v.path("name").asText().equals("v1")) {
                    return v.at("/schema/openAPIV3Schema/properties/spec/properties/backup/properties/barmanObjectStore")
                            .deepCopy();
                }
            }
            throw new AssertionError("the Cluster CRD has no version v1");
        }, partial);
        return schema.validate(json(configuration), InputFormat.JSON);
    }

    /** Whether the operator's CRDs are there; where they must be (CI: FONDS_REQUIRE_SCHEMAS=true), fails if not. */
    static void requireSchemas() {
        Path crd = SCHEMAS.resolve("postgresql.cnpg.io_clusters.yaml");
        if (!Files.isRegularFile(crd)) {
            String message = "the CloudNativePG CRD schemas are not there (looked for " + crd.toAbsolutePath()
                    + "; ../shared/schemas beside the project, or FONDS_SHARED_SCHEMAS)";
            if ("true".equals(System.getenv("FONDS_REQUIRE_SCHEMAS"))) {
                throw new AssertionError(message + ", but FONDS_REQUIRE_SCHEMAS=true");
            }
            Assumptions.abort(message);
        }
    }

    private static JsonNode crd(String plural) {
        requireSchemas();
        try {
            return YAML.readTree(SCHEMAS.resolve("postgresql.cnpg.io_" + plural + ".yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema(String key, java.util.function.Supplier<JsonNode> openApiSchema, boolean partial) {
        return SCHEMA_CACHE.computeIfAbsent(key, k -> {
            JsonNode schema = openApiSchema.get();
            close(schema, partial);
            // OpenAPI 3.0 schemas (nullable, the x-kubernetes-* extensions are not keywords), as the API server reads
            return SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(json(schema), InputFormat.JSON);
        });
    }

    /**
     * Closes a structural schema as the API server's pruning would: every object schema that lists its properties
     * (and neither allows others nor preserves unknown fields) gets {@code additionalProperties: false}, so that an
     * unknown or misspelt field is an error instead of being dropped. Walks the schema's structure (properties, items,
     * additionalProperties, and the combinators), never a map of property names as if it were a schema.
     * {@code partial} also drops {@code required}, for the patches of an overlay.
     */
    static void close(JsonNode node, boolean partial) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (partial) {
            schema.remove("required");
        }
        if (schema.has("properties") && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            schema.put("additionalProperties", false);
        }
        schema.path("properties").forEach(p -> close(p, partial));
        close(schema.get("items"), partial);
        close(schema.get("additionalProperties"), partial);
        close(schema.get("not"), partial);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof ArrayNode alternatives) {
                alternatives.forEach(a -> close(a, partial));
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(JsonNode tree) {
        try {
            return new ObjectMapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resources of this kind among these manifests, as fabric8 read them. */
    static <T extends HasMetadata> List<T> all(List<Manifest> manifests, Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }
}
