package org.fonds.deploy;

import static org.fonds.deploy.KubernetesManifests.ROOT;
import static org.fonds.deploy.KubernetesManifests.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fonds.deploy.KubernetesManifests.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests of deploy/kubernetes, checked without a cluster: every file and the rendered example overlay
 * parse as the API server would read them (fabric8's model, no unknown field, no wrong type), the CloudNativePG
 * resources match the operator's CRD schemas (closed, so that a misspelt field fails), and the pieces fit together:
 * probes, shutdown, security context, what the Service, PodDisruptionBudget and HorizontalPodAutoscaler select, which
 * database services and roles the API uses, the extensions the migrations need, backups.
 */
class KubernetesManifestsTest {

    static final Path BASE = ROOT.resolve("base");
    static final Path EXAMPLE = ROOT.resolve("overlays").resolve("example");
    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    /** Secrets that the manifests use and nobody commits: their creation is in deploy/kubernetes/README.md. */
    static final Set<String> SECRETS_CREATED_APART = Set.of("fonds", "fonds-db-api", "fonds-db-backups");

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");
    private static final Pattern CREATE_EXTENSION = Pattern.compile(
            "CREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)\"?", Pattern.CASE_INSENSITIVE);

    // --- Every file on its own (kubectl or not) -----------------------------------------------------------------------

    @Test
    void everyManifestFileParsesStrictly() {
        List<Path> files = KubernetesManifests.manifestFiles(ROOT);
        assertFalse(files.isEmpty());
        for (Path file : files) {
            List<Manifest> manifests = KubernetesManifests.parse(file);
            assertFalse(manifests.isEmpty(), file + " holds no resource");
            for (Manifest m : manifests) {
                // a resource of a core API group typed by fabric8: a misspelt kind or apiVersion would be read as a
                // generic resource, and nothing in it checked
                assertEquals(m.custom(), m.resource() instanceof GenericKubernetesResource,
                        () -> m + " is read as " + m.resource().getClass().getSimpleName());
                assertFalse(m.name().isEmpty(), () -> m + " has no name");
            }
        }
    }

    @Test
    void everyManifestFileIsInItsKustomization() {
        for (Path folder : List.of(BASE, EXAMPLE)) {
            JsonNode kustomization = KubernetesManifests.kustomization(folder);
            Set<Path> listed = new HashSet<>();
            kustomization.path("resources").forEach(r -> listed.add(folder.resolve(r.asText()).normalize()));
            kustomization.path("patches").forEach(p -> listed.add(folder.resolve(p.path("path").asText()).normalize()));
            for (Path file : listed) {
                assertTrue(Files.exists(file), () -> folder + "/kustomization.yaml lists " + file + ", missing");
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml"))
                        .forEach(f -> assertTrue(listed.contains(f.normalize()),
                                () -> f + " is not in " + folder + "/kustomization.yaml: it would never be applied"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theCloudNativePgResourcesMatchTheOperatorsSchemas() {
        KubernetesManifests.requireSchemas();
        int validated = 0;
        for (Path file : KubernetesManifests.manifestFiles(ROOT)) {
            // the base holds whole resources; an overlay's are patches of them, without what the schema requires
            boolean partial = !file.startsWith(BASE);
            for (Manifest m : KubernetesManifests.parse(file)) {
                assertEquals(List.of(), customErrors(m, partial), m::toString);
                validated += m.custom() ? 1 : 0;
            }
        }
        assertTrue(validated >= 5, "the Cluster, ObjectStore, ScheduledBackup and their patches were validated");
    }

    // --- The base and the rendered overlay, whole -------------------------------------------------------------------

    @Test
    void theBaseIsACompleteDeployment() {
        List<Manifest> base = new ArrayList<>();
        KubernetesManifests.kustomization(BASE).path("resources")
                .forEach(r -> base.addAll(KubernetesManifests.parse(BASE.resolve(r.asText()))));
        checkDeployment(base);
    }

    @Test
    void theExampleOverlayRendersToAValidDeployment() {
        List<Manifest> rendered = KubernetesManifests.render(EXAMPLE);
        for (Manifest m : rendered) {
            assertEquals(m.custom(), m.resource() instanceof GenericKubernetesResource, m::toString);
            assertEquals("fonds", m.kind().equals("Namespace") ? m.name() : m.tree().at("/metadata/namespace").asText(),
                    () -> m + " is not in the overlay's namespace");
        }
        checkDeployment(rendered);
        Container api = container(one(rendered, Deployment.class));
        assertTrue(api.getImage().startsWith("registry.example.org/fonds/fonds:"), api.getImage());
        KubernetesManifests.requireSchemas();
        for (Manifest m : rendered) {
            assertEquals(List.of(), customErrors(m, false), m::toString);
        }
    }

    /** The checks every whole set of resources (the base, a rendered overlay) must pass. */
    private static void checkDeployment(List<Manifest> manifests) {
        Properties properties = applicationProperties();
        Deployment deployment = one(manifests, Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container api = container(deployment);

        // stateless pods, at least two, scaled on CPU
        assertTrue(deployment.getSpec().getReplicas() >= 2, "at least 2 replicas");
        HorizontalPodAutoscaler hpa = one(manifests, HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "the autoscaler keeps at least 2 pods");
        assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas());
        MetricSpec cpu = hpa.getSpec().getMetrics().stream().filter(m -> "Resource".equals(m.getType())
                && "cpu".equals(m.getResource().getName())).findFirst().orElseThrow(() -> new AssertionError(
                        "the autoscaler watches CPU"));
        assertEquals("Utilization", cpu.getResource().getTarget().getType());
        assertNotNull(api.getResources().getRequests().get("cpu"), "a CPU request: the autoscaler's utilization is of it");
        assertNotNull(api.getResources().getRequests().get("memory"));
        assertNotNull(api.getResources().getLimits().get("memory"), "a memory limit: the heap is sized from it");

        // the Service and the PodDisruptionBudget select the API's pods
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "the Deployment selects its own pods");
        PodDisruptionBudget pdb = one(manifests, PodDisruptionBudget.class);
        assertEquals(selector, pdb.getSpec().getSelector().getMatchLabels());
        assertTrue(pdb.getSpec().getMaxUnavailable() != null || pdb.getSpec().getMinAvailable() != null);
        Service service = one(manifests, Service.class);
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()),
                "the Service selects the API's pods");
        int httpPort = Integer.parseInt(properties.getProperty("quarkus.http.port", "8080"));
        for (var port : service.getSpec().getPorts()) {
            assertEquals(httpPort, containerPort(api, port.getTargetPort().getStrVal(), port.getTargetPort().getIntVal()));
        }

        // probes on Quarkus' health endpoints
        assertProbe(api, api.getStartupProbe(), "/q/health/started", httpPort);
        assertProbe(api, api.getReadinessProbe(), "/q/health/ready", httpPort);
        assertProbe(api, api.getLivenessProbe(), "/q/health/live", httpPort);

        // no request cut by a SIGKILL: the grace period exceeds the shutdown delay and timeout of Quarkus
        Duration shutdown = duration(properties.getProperty("quarkus.shutdown.delay", "5s"))
                .plus(duration(properties.getProperty("quarkus.shutdown.timeout", "30s")));
        assertTrue(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()).compareTo(shutdown) > 0,
                "terminationGracePeriodSeconds " + pod.getTerminationGracePeriodSeconds() + " must exceed "
                        + "quarkus.shutdown.delay + timeout (" + shutdown.toSeconds() + " s)");

        // the "restricted" Pod Security Standard, and a read-only root with a writable /tmp
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        String seccomp = api.getSecurityContext().getSeccompProfile() != null
                ? api.getSecurityContext().getSeccompProfile().getType()
                : pod.getSecurityContext().getSeccompProfile().getType();
        assertEquals("RuntimeDefault", seccomp);
        assertEquals(Boolean.TRUE, api.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, api.getSecurityContext().getAllowPrivilegeEscalation());
        assertNotEquals(Boolean.TRUE, api.getSecurityContext().getPrivileged());
        assertEquals(List.of("ALL"), api.getSecurityContext().getCapabilities().getDrop());
        Map<String, Volume> volumes = new java.util.HashMap<>();
        pod.getVolumes().forEach(v -> volumes.put(v.getName(), v));
        for (Volume v : pod.getVolumes()) {
            assertEquals(null, v.getHostPath(), v.getName() + ": no host paths");
        }
        for (VolumeMount mount : api.getVolumeMounts()) {
            assertTrue(volumes.containsKey(mount.getName()), mount.getName() + " is a volume of the pod");
        }
        VolumeMount tmp = api.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError("/tmp is mounted"));
        assertNotNull(volumes.get(tmp.getName()).getEmptyDir(), "/tmp is an emptyDir");
        // an import's file has a volume of its own, larger than the largest body the pod accepts
        String workDir = api.getEnv().stream().filter(e -> e.getName().equals("FONDS_IMPORTS_WORK_DIR"))
                .map(EnvVar::getValue).findFirst().orElseThrow(() -> new AssertionError("FONDS_IMPORTS_WORK_DIR"));
        VolumeMount imports = api.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(workDir))
                .findFirst().orElseThrow(() -> new AssertionError(workDir + " (the imports' files) is mounted"));
        io.fabric8.kubernetes.api.model.Quantity room = volumes.get(imports.getName()).getEmptyDir().getSizeLimit();
        String maxBody = api.getEnv().stream().filter(e -> e.getName().equals("FONDS_IMPORTS_MAX_BODY_SIZE"))
                .map(EnvVar::getValue).findFirst()
                .orElseGet(() -> properties.getProperty("fonds.imports.max-body-size"));
        assertTrue(io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(room).longValue()
                > new io.quarkus.runtime.configuration.MemorySizeConverter().convert(maxBody).asLongValue(),
                "the imports' volume (" + room + ") holds the largest body accepted (" + maxBody + ")");

        // the ConfigMaps it reads are there; the Secrets are created apart (never committed) or by the operator
        GenericKubernetesResource cluster = one(manifests, "Cluster");
        String clusterName = cluster.getMetadata().getName();
        assertEquals(List.of(), all(manifests, Secret.class).stream().map(s -> s.getMetadata().getName()).toList(),
                "no Secret is committed");
        Set<String> secrets = new TreeSet<>(SECRETS_CREATED_APART);
        secrets.addAll(Set.of(clusterName + "-app", clusterName + "-ca"));
        Map<String, String> config = new java.util.HashMap<>();
        Set<String> configMaps = new HashSet<>();
        all(manifests, ConfigMap.class).forEach(c -> configMaps.add(c.getMetadata().getName()));
        for (EnvFromSource from : api.getEnvFrom()) {
            assertNotNull(from.getConfigMapRef(), "environment only from ConfigMaps; secrets one by one");
            assertTrue(configMaps.contains(from.getConfigMapRef().getName()), from.getConfigMapRef().getName());
            config.putAll(all(manifests, ConfigMap.class).stream()
                    .filter(c -> c.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                    .findFirst().orElseThrow().getData());
        }
        Map<String, EnvVar> env = new java.util.HashMap<>();
        for (EnvVar e : api.getEnv()) {
            env.put(e.getName(), e);
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                assertTrue(secrets.contains(e.getValueFrom().getSecretKeyRef().getName()), e.toString());
            }
            if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                assertTrue(configMaps.contains(e.getValueFrom().getConfigMapKeyRef().getName()), e.toString());
            }
        }
        for (Volume v : pod.getVolumes()) {
            if (v.getSecret() != null) {
                assertTrue(secrets.contains(v.getSecret().getSecretName()), v.getSecret().getSecretName());
            }
        }

        // writes to the primary (-rw), reads to the replicas (-ro), of the cluster's database
        JsonNode spec = KubernetesManifests.YAML.valueToTree(cluster.getAdditionalProperties().get("spec"));
        String database = spec.at("/bootstrap/initdb/database").asText();
        String owner = spec.at("/bootstrap/initdb/owner").asText(database);
        Matcher primary = jdbcUrl(config.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals(clusterName + "-rw", primary.group(1), "writes go to the primary's service");
        assertEquals(database, primary.group(3));
        List<Matcher> others = config.entrySet().stream()
                .filter(e -> !e.getKey().equals("QUARKUS_DATASOURCE_JDBC_URL") && e.getValue().startsWith("jdbc:"))
                .map(e -> jdbcUrl(e.getValue())).toList();
        assertFalse(others.isEmpty(), "a JDBC URL for the reads");
        for (Matcher replica : others) {
            assertEquals(clusterName + "-ro", replica.group(1), "reads go to the replicas' service");
            assertEquals(database, replica.group(3));
        }

        // Flyway migrates as the database's owner (the operator's <cluster>-app Secret); the API connects as its own
        // login role, which the operator manages from the Secret the pods read too, and which can bypass nothing
        assertEquals(clusterName + "-app", secretOf(env, "QUARKUS_FLYWAY_USERNAME"));
        assertEquals(clusterName + "-app", secretOf(env, "QUARKUS_FLYWAY_PASSWORD"));
        String apiSecret = secretOf(env, "QUARKUS_DATASOURCE_USERNAME");
        assertEquals(apiSecret, secretOf(env, "QUARKUS_DATASOURCE_PASSWORD"));
        JsonNode role = null;
        for (JsonNode r : spec.at("/managed/roles")) {
            if (r.at("/passwordSecret/name").asText().equals(apiSecret)) {
                role = r;
            }
        }
        assertNotNull(role, "a managed role has the password of the Secret " + apiSecret);
        assertNotEquals(owner, role.path("name").asText(), "the API's role is not the owner of the tables");
        assertTrue(role.path("login").asBoolean(false));
        assertFalse(role.path("superuser").asBoolean(false));
        assertFalse(role.path("bypassrls").asBoolean(false));
        assertFalse(role.path("inRoles").toString().contains('"' + owner + '"'), "the API's role is no member of the owner");

        // PostgreSQL: a primary and two replicas, every extension the migrations create, connections for every pod
        assertEquals(3, spec.path("instances").asInt());
        List<String> initSql = new ArrayList<>();
        spec.at("/bootstrap/initdb/postInitApplicationSQL").forEach(s -> initSql.add(s.asText()));
        Set<String> created = new TreeSet<>();
        initSql.forEach(sql -> extensions(sql, created));
        assertEquals(extensionsOfMigrations(), created,
                "the cluster creates exactly the extensions the migrations need (bootstrap.initdb.postInitApplicationSQL)");
        int pool = Integer.parseInt(properties.getProperty("quarkus.datasource.jdbc.max-size", "20"));
        int maxConnections = spec.at("/postgresql/parameters/max_connections").asInt(100);
        assertTrue(maxConnections >= hpa.getSpec().getMaxReplicas() * pool + 10, "max_connections " + maxConnections
                + " must hold " + hpa.getSpec().getMaxReplicas() + " pods x " + pool + " connections, and more");

        // nightly backups of this cluster, by the plugin it loads, to an object store that is there
        GenericKubernetesResource backup = one(manifests, "ScheduledBackup");
        JsonNode backupSpec = KubernetesManifests.YAML.valueToTree(backup.getAdditionalProperties().get("spec"));
        assertEquals(clusterName, backupSpec.at("/cluster/name").asText());
        assertEquals("plugin", backupSpec.path("method").asText());
        String plugin = backupSpec.at("/pluginConfiguration/name").asText();
        JsonNode loaded = null;
        for (JsonNode p : spec.path("plugins")) {
            if (p.path("name").asText().equals(plugin)) {
                loaded = p;
            }
        }
        assertNotNull(loaded, "the cluster loads the backup's plugin " + plugin);
        assertTrue(loaded.path("isWALArchiver").asBoolean(), "the plugin archives the WAL (point-in-time recovery)");
        GenericKubernetesResource store = one(manifests, "ObjectStore");
        assertEquals(store.getMetadata().getName(), loaded.at("/parameters/barmanObjectName").asText());
        JsonNode storeSpec = KubernetesManifests.YAML.valueToTree(store.getAdditionalProperties().get("spec"));
        storeSpec.at("/configuration/s3Credentials").forEach(ref -> assertTrue(secrets.contains(ref.path("name")
                .asText()), ref.toString()));

        // traces: an OTLP endpoint is useless while the SDK is off (application.properties)
        if (config.containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")) {
            assertEquals("false", config.get("QUARKUS_OTEL_SDK_DISABLED"),
                    "an OTLP endpoint is set: QUARKUS_OTEL_SDK_DISABLED must be \"false\" too");
        }
    }

    // --- The checks fail where they must ------------------------------------------------------------------------

    @Test
    void aMisspeltFieldFailsTheStrictParse() {
        String deployment = KubernetesManifests.read(BASE.resolve("deployment.yaml"));
        assertEquals(1, KubernetesManifests.parse("deployment.yaml", deployment).size());
        assertFails(deployment, "terminationGracePeriodSeconds:", "terminationGracePeriodSecond:",
                "Unrecognized field \"terminationGracePeriodSecond\"");
        assertFails(deployment, "readOnlyRootFilesystem:", "readOnlyRootFileSystem:",
                "Unrecognized field \"readOnlyRootFileSystem\"");
        assertFails(deployment, "  strategy:", "  stratgy:", "Unrecognized field \"stratgy\"");
        // a kind fabric8 does not know is read as a generic resource, which everyManifestFileParsesStrictly refuses
        assertFails(deployment, "kind: Deployment", "kind: Deploymnet", "not a known kind");
    }

    @Test
    void aWrongTypeFailsTheStrictParse() {
        String deployment = KubernetesManifests.read(BASE.resolve("deployment.yaml"));
        assertFails(deployment, "replicas: 2", "replicas: two", "[\"replicas\"]");
        assertFails(deployment, "replicas: 2", "replicas: \"2\"", "[\"replicas\"]");
        assertFails(deployment, "runAsNonRoot: true", "runAsNonRoot: \"true\"", "[\"runAsNonRoot\"]");
        assertFails(deployment, "containerPort: 8080", "containerPort: [8080]", "[\"containerPort\"]");
        // a number where Kubernetes wants a string (the API server refuses it too)
        String configMap = KubernetesManifests.read(BASE.resolve("configmap.yaml"));
        assertFails(configMap, "data:", "data:\n  FONDS_RATE_LIMIT_READS_PER_SECOND: 100",
                "[\"FONDS_RATE_LIMIT_READS_PER_SECOND\"]");
    }

    @Test
    void aMisspeltOrWrongFieldFailsTheCloudNativePgSchemas() {
        KubernetesManifests.requireSchemas();
        String cluster = KubernetesManifests.read(BASE.resolve("postgres-cluster.yaml"));
        assertEquals(List.of(), errors(cluster, "instances: 3", "instances: 3"));
        assertInvalid(cluster, "instances: 3", "instance: 3", "'instance' is not defined");
        assertInvalid(cluster, "postInitApplicationSQL:", "postInitApplicationSql:", "'postInitApplicationSql'");
        assertInvalid(cluster, "        login: true", "        logins: true", "'logins'");
        assertInvalid(cluster, "instances: 3", "instances: three", "/spec/instances");
        assertInvalid(cluster, "isWALArchiver: true", "isWALArchiver: \"yes\"", "isWALArchiver");
        String backup = KubernetesManifests.read(BASE.resolve("postgres-scheduled-backup.yaml"));
        assertInvalid(backup, "method: plugin", "method: snapshot", "/spec/method");
        assertInvalid(backup, "  cluster:\n    name: fonds-db\n", "", "'cluster'");
        String store = KubernetesManifests.read(BASE.resolve("postgres-object-store.yaml"));
        assertInvalid(store, "destinationPath:", "destinationPth:", "'destinationPth'");
        assertInvalid(store, "    wal:\n      compression: gzip", "    wal:\n      compresion: gzip", "'compresion'");
    }

    @Test
    void closingASchemaLeavesOpenMapsAndPreservedFieldsOpen() throws IOException {
        JsonNode schema = KubernetesManifests.YAML.readTree("""
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      parameters: {type: object, additionalProperties: {type: string}}
                      anything: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {a: {type: string}}}
                      list: {type: array, items: {type: object, properties: {name: {type: string}}, required: [name]}}
                """);
        KubernetesManifests.close(schema, true);
        assertEquals(false, schema.path("additionalProperties").asBoolean(true));
        assertEquals(false, schema.at("/properties/spec/additionalProperties").asBoolean(true));
        assertTrue(schema.at("/properties/spec/properties/parameters/additionalProperties").isObject());
        assertTrue(schema.at("/properties/spec/properties/anything/additionalProperties").isMissingNode());
        assertEquals(false, schema.at("/properties/spec/properties/list/items/additionalProperties").asBoolean(true));
        assertTrue(schema.at("/properties/spec/properties/list/items/required").isMissingNode(), "partial: no required");
    }

    // --- Helpers ---------------------------------------------------------------------------------------------------

    private static List<Error> customErrors(Manifest m, boolean partial) {
        if (!m.custom()) {
            return List.of();
        }
        if (m.kind().equals("ObjectStore")) {
            // the Barman Cloud Plugin's resource: no schema here but for its configuration (the operator's own format)
            JsonNode spec = m.tree().path("spec");
            List<String> fields = new ArrayList<>();
            spec.fieldNames().forEachRemaining(fields::add);
            fields.removeAll(List.of("configuration", "retentionPolicy", "instanceSidecarConfiguration"));
            assertEquals(List.of(), fields, m + ": unknown fields of an ObjectStore");
            assertTrue(spec.at("/configuration/serverName").isMissingNode(), "the plugin wants serverName unset here");
            return KubernetesManifests.validateObjectStoreConfiguration(spec.path("configuration"), partial);
        }
        return KubernetesManifests.validate(m, partial);
    }

    private static List<Error> errors(String yaml, String replaced, String by) {
        assertTrue(yaml.contains(replaced), replaced);
        List<Error> errors = new ArrayList<>();
        for (Manifest m : KubernetesManifests.parse("changed", yaml.replace(replaced, by))) {
            errors.addAll(customErrors(m, false));
        }
        return errors;
    }

    private static void assertInvalid(String yaml, String replaced, String by, String why) {
        String errors = errors(yaml, replaced, by).toString();
        assertTrue(errors.contains(why), () -> "\"" + by + "\" must fail the schema for " + why + ": " + errors);
    }

    /** Reading this YAML with {@code replaced} changed into {@code by} fails, saying {@code why}. */
    private static void assertFails(String yaml, String replaced, String by, String why) {
        assertTrue(yaml.contains(replaced), replaced);
        String changed = yaml.replace(replaced, by);
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            for (Manifest m : KubernetesManifests.parse("changed", changed)) {
                if (!m.custom() && m.resource() instanceof GenericKubernetesResource) {
                    throw new IllegalArgumentException("not a known kind: " + m);
                }
            }
        }, () -> "\"" + by + "\" must fail");
        assertTrue(e.getMessage().contains(why), () -> "\"" + by + "\" must fail for saying " + why + ": " + e);
    }

    private static void assertProbe(Container api, Probe probe, String path, int httpPort) {
        assertNotNull(probe, path);
        HTTPGetAction get = probe.getHttpGet();
        assertEquals(path, get.getPath());
        assertEquals(httpPort, containerPort(api, get.getPort().getStrVal(), get.getPort().getIntVal()), path);
    }

    private static int containerPort(Container container, String name, Integer number) {
        if (name == null) {
            return number;
        }
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("no container port " + name));
    }

    private static String secretOf(Map<String, EnvVar> env, String name) {
        EnvVar e = env.get(name);
        assertNotNull(e, name + " is set");
        assertNotNull(e.getValueFrom(), name + " comes from a Secret");
        return e.getValueFrom().getSecretKeyRef().getName();
    }

    private static Matcher jdbcUrl(String url) {
        assertNotNull(url, "a JDBC URL");
        Matcher m = JDBC_URL.matcher(url);
        assertTrue(m.matches(), url);
        return m;
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T one(List<Manifest> manifests,
            Class<T> type) {
        List<T> found = all(manifests, type);
        assertEquals(1, found.size(), () -> "one " + type.getSimpleName() + ": " + found);
        return found.get(0);
    }

    private static GenericKubernetesResource one(List<Manifest> manifests, String kind) {
        List<GenericKubernetesResource> found = all(manifests, GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals(kind)).toList();
        assertEquals(1, found.size(), () -> "one " + kind + ": " + found);
        return found.get(0);
    }

    private static void extensions(String sql, Set<String> into) {
        Matcher m = CREATE_EXTENSION.matcher(sql);
        while (m.find()) {
            into.add(m.group(1).toLowerCase(Locale.ROOT));
        }
    }

    private static Set<String> extensionsOfMigrations() {
        Set<String> extensions = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> extensions(KubernetesManifests.read(f),
                    extensions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(extensions.isEmpty(), "the migrations create pg_trgm at least");
        return extensions;
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (Reader r = Files.newBufferedReader(PROPERTIES)) {
            properties.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A duration as Quarkus reads one: 5 (seconds), 500ms, 5s, 1m, 2h, 1d, or ISO-8601 (PT5S). */
    static Duration duration(String value) {
        String v = value.strip();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(v);
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE).matcher(v);
        assertTrue(m.matches(), "a duration: " + value);
        long n = Long.parseLong(m.group(1));
        Function<Long, Duration> unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration::ofMillis;
            case "s" -> Duration::ofSeconds;
            case "m" -> Duration::ofMinutes;
            case "h" -> Duration::ofHours;
            default -> Duration::ofDays;
        };
        return unit.apply(n);
    }
}
