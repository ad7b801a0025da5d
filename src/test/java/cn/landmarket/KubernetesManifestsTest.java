package cn.landmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.smallrye.config.ConfigMapping;

/**
 * The Kubernetes manifests in k8s/ state facts the service depends on: at least two hardened
 * instances, probes on the health endpoints, requests and limits, secrets only by reference and
 * only to Secrets that exist or are documented, settings the service actually reads, an autoscaler
 * and a disruption budget that follow the Deployment, and a three-instance CloudNativePG cluster.
 * Plain JUnit: every YAML file is parsed with SnakeYAML, and the base and the production overlay
 * are rendered here the way Kustomize does for these files (resources, strategic-merge patches
 * merged by name, images, namespace).
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path EXAMPLE_SECRETS = BASE.resolve("secrets.example.yaml");
    private static final Path README = K8S.resolve("README.md");

    /** The probes and the smallrye-health endpoints they must use (answered in AuditHealthCheckTest). */
    private static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");

    /** Keys of the Secrets CloudNativePG generates for a cluster, by suffix of the cluster's name. */
    private static final Map<String, Set<String>> CNPG_SECRETS = Map.of(
            "-app", Set.of("username", "user", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass",
                    "fqdn-uri", "fqdn-jdbc-uri"),
            "-ca", Set.of("ca.crt"));

    /** Settings the service refuses to run without, and which of them are secrets. */
    private static final Set<String> REQUIRED = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MARKET_BANK_HMAC_SECRET",
            "MARKET_AUDIT_SIGNING_KEY", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
            "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET");
    private static final Set<String> SECRET_SETTINGS = Set.of("QUARKUS_DATASOURCE_PASSWORD", "MARKET_BANK_HMAC_SECRET",
            "MARKET_AUDIT_SIGNING_KEY", "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET");

    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    // ---------------------------------------------------------------------------------------------
    // every file

    @Test
    void everyYamlFileParsesAndEveryManifestNamesItsKind() {
        List<Path> files = yamlFiles();
        assertTrue(files.size() >= 10, () -> "manifests found: " + files);
        for (Path file : files) {
            List<Map<String, Object>> docs = documents(file);
            assertFalse(docs.isEmpty(), () -> file + " holds no document");
            for (Map<String, Object> doc : docs) {
                assertNotNull(doc.get("apiVersion"), () -> file + ": a document without apiVersion");
                assertNotNull(doc.get("kind"), () -> file + ": a document without kind");
                if (!"Kustomization".equals(doc.get("kind"))) {
                    assertNotNull(string(doc, "metadata", "name"), () -> file + ": a " + doc.get("kind") + " without name");
                }
            }
        }
    }

    @Test
    void kustomizationsListOnlyFilesThatExistAndEveryManifestExactlyOnce() throws IOException {
        List<Path> kustomizations = yamlFiles().stream().filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                .toList();
        assertEquals(Set.of(BASE.resolve("kustomization.yaml"), K8S.resolve("overlays/production/kustomization.yaml")),
                Set.copyOf(kustomizations));
        Set<Path> listed = new HashSet<>();
        for (Path kustomization : kustomizations) {
            Path dir = kustomization.getParent();
            Map<String, Object> k = documents(kustomization).get(0);
            for (String entry : entries(k, "resources")) {
                Path target = dir.resolve(entry).normalize();
                assertTrue(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")),
                        () -> kustomization + " lists " + entry + ", which does not exist");
                assertTrue(listed.add(target), () -> target + " is listed twice");
            }
            for (Map<String, Object> patch : maps(k.get("patches"))) {
                Path target = dir.resolve((String) patch.get("path")).normalize();
                assertTrue(Files.isRegularFile(target), () -> kustomization + " patches with " + target + ", which does not exist");
                assertTrue(listed.add(target), () -> target + " is listed twice");
            }
        }
        for (Path file : yamlFiles()) {
            if (!file.getFileName().toString().equals("kustomization.yaml") && !file.equals(EXAMPLE_SECRETS)) {
                assertTrue(listed.contains(file.normalize()), () -> file + " is in no kustomization");
            }
        }
        assertFalse(listed.contains(EXAMPLE_SECRETS.normalize()), "secrets.example.yaml must never be deployed");
    }

    @Test
    void noSecretValueIsInTheRepository() {
        for (Path overlay : List.of(BASE, K8S.resolve("overlays/production"))) {
            for (Map<String, Object> doc : render(overlay)) {
                assertFalse("Secret".equals(doc.get("kind")), () -> overlay + " deploys the Secret " + name(doc));
            }
        }
        List<Map<String, Object>> examples = documents(EXAMPLE_SECRETS);
        assertFalse(examples.isEmpty());
        for (Map<String, Object> secret : examples) {
            assertEquals("Secret", secret.get("kind"));
            assertFalse(secret.containsKey("data"), "examples use stringData placeholders only");
            // A login role's name is no secret (the service's must be land_market_app); everything else is.
            map(secret, "stringData").forEach((key, value) -> assertTrue(key.equals("username")
                    || String.valueOf(value).contains("REPLACE-ME"),
                    () -> name(secret) + "/" + key + " holds a value, not a placeholder"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // the rendered base and production overlay

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void atLeastTwoHardenedInstancesReplacedWithoutDowntimeAndSpreadOverNodes(String overlay) {
        List<Map<String, Object>> docs = render(K8S.resolve(overlay));
        Map<String, Object> deployment = only(docs, "Deployment");
        assertEquals("apps/v1", deployment.get("apiVersion"));
        assertTrue(integer(deployment, "spec", "replicas") >= 2, overlay + ": at least two replicas");
        assertEquals("RollingUpdate", string(deployment, "spec", "strategy", "type"));
        assertEquals("0", String.valueOf(path(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"))
                .replace("%", ""), "a rolling update never takes a ready instance away first");

        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        Map<String, String> podLabels = labels(map(deployment, "spec", "template", "metadata", "labels"));
        assertTrue(labels(map(deployment, "spec", "selector", "matchLabels")).entrySet()
                .stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey()))), "the selector selects the pods");
        assertEquals(Boolean.TRUE, path(pod, "securityContext", "runAsNonRoot"));
        assertTrue(spreadsOverNodes(pod, podLabels), overlay + ": spread or anti-affinity over kubernetes.io/hostname");

        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
        maps(pod.get("volumes")).forEach(v -> volumes.put((String) v.get("name"), v));
        for (Map<String, Object> container : containers(deployment)) {
            Map<String, Object> security = map(container, "securityContext");
            assertEquals(Boolean.FALSE, security.get("allowPrivilegeEscalation"), "no privilege escalation");
            assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"), "read-only root filesystem");
            assertTrue(strings(path(security, "capabilities", "drop")).contains("ALL"), "all capabilities dropped");
            Map<String, Object> tmp = maps(container.get("volumeMounts")).stream()
                    .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst()
                    .orElseThrow(() -> new AssertionError("/tmp is not mounted"));
            assertTrue(volumes.get((String) tmp.get("name")).containsKey("emptyDir"), "/tmp is an emptyDir");
            String image = (String) container.get("image");
            assertTrue(image.matches(".+:[A-Za-z0-9._-]+") && !image.endsWith(":latest"),
                    () -> overlay + ": the image is pinned to a tag: " + image);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void probesAndMetricsUseTheManagementPortWhichTheServiceDoesNotExpose(String overlay) throws IOException {
        Properties app = applicationProperties();
        assertFalse(app.stringPropertyNames().stream().anyMatch(k -> k.endsWith("quarkus.http.non-application-root-path")
                || k.endsWith("quarkus.smallrye-health.root-path") || k.endsWith("quarkus.http.root-path")
                || k.endsWith("quarkus.management.root-path") || k.endsWith("quarkus.micrometer.export.prometheus.path")),
                "the health and metrics endpoints are at their default paths");
        assertEquals("true", app.getProperty("%prod.quarkus.management.enabled"),
                "the packaged service serves health and metrics on the management port");
        int managementPort = Integer.parseInt(app.getProperty("quarkus.management.port", "9000"));
        int httpPort = Integer.parseInt(app.getProperty("quarkus.http.port", "8080"));
        Map<String, Object> deployment = only(render(K8S.resolve(overlay)), "Deployment");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> container : containers(deployment)) {
            maps(container.get("ports")).forEach(p -> ports.put((String) p.get("name"), (Integer) p.get("containerPort")));
            PROBES.forEach((probe, expected) -> {
                Map<String, Object> get = map(container, probe, "httpGet");
                assertEquals(expected, get.get("path"), () -> overlay + ": " + probe);
                Object port = get.get("port");
                int number = port instanceof Integer n ? n : ports.getOrDefault(port, -1);
                assertEquals(managementPort, number, () -> overlay + ": " + probe + " asks the management port");
            });
        }
        assertEquals(httpPort, ports.get("http"), "the container's http port is the service's");
        assertEquals(managementPort, ports.get("management"), "the container's management port is the service's");
        Map<String, String> annotations = labels(map(deployment, "spec", "template", "metadata", "annotations"));
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(String.valueOf(managementPort), annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));

        Map<String, Object> service = only(render(K8S.resolve(overlay)), "Service");
        Map<String, String> podLabels = labels(map(deployment, "spec", "template", "metadata", "labels"));
        assertTrue(labels(map(service, "spec", "selector")).entrySet().stream()
                .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey()))), "the Service selects the pods");
        for (Map<String, Object> port : maps(path(service, "spec", "ports"))) {
            Object target = port.get("targetPort");
            assertTrue(containers(deployment).stream().flatMap(c -> maps(c.get("ports")).stream())
                    .anyMatch(p -> target.equals(p.get("name")) || target.equals(p.get("containerPort"))),
                    () -> "the Service's targetPort " + target + " is a container port");
            assertFalse(target.equals("management") || target.equals(managementPort),
                    "the Service must not expose health and metrics");
        }
    }

    @Test
    void prometheusScrapesEveryInstanceAndTheDatabaseInProduction() {
        List<Map<String, Object>> rendered = render(K8S.resolve("overlays/production"));
        Map<String, Object> deployment = only(rendered, "Deployment");
        Map<String, String> podLabels = labels(map(deployment, "spec", "template", "metadata", "labels"));
        Map<String, Object> database = only(rendered, "Cluster");
        List<Map<String, Object>> monitors = rendered.stream().filter(d -> "PodMonitor".equals(d.get("kind"))).toList();
        assertEquals(2, monitors.size(), "PodMonitors for the service and for PostgreSQL");
        Map<String, Object> service = monitors.stream()
                .filter(m -> labels(map(m, "spec", "selector", "matchLabels")).entrySet().stream()
                        .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey()))))
                .findFirst().orElseThrow(() -> new AssertionError("no PodMonitor selects the service's pods"));
        Map<String, Object> endpoint = maps(path(service, "spec", "podMetricsEndpoints")).get(0);
        assertEquals("management", endpoint.get("port"));
        assertEquals("/q/metrics", endpoint.get("path"));
        assertTrue(monitors.stream().anyMatch(m -> string(database, "metadata", "name")
                .equals(labels(map(m, "spec", "selector", "matchLabels")).get("cnpg.io/cluster"))),
                "a PodMonitor selects the CloudNativePG cluster's pods");
        monitors.forEach(m -> assertEquals("land-market", string(m, "metadata", "namespace")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyContainerHasRequestsWithinLimits(String overlay) {
        for (Map<String, Object> doc : render(K8S.resolve(overlay))) {
            for (Map<String, Object> container : containers(doc)) {
                for (String resource : List.of("cpu", "memory")) {
                    Object request = path(container, "resources", "requests", resource);
                    Object limit = path(container, "resources", "limits", resource);
                    assertNotNull(request, () -> overlay + ": " + name(doc) + " requests no " + resource);
                    assertNotNull(limit, () -> overlay + ": " + name(doc) + " has no " + resource + " limit");
                    assertTrue(quantity(request).compareTo(quantity(limit)) <= 0,
                            () -> overlay + ": " + name(doc) + " requests more " + resource + " than its limit");
                }
            }
        }
        Map<String, Object> cluster = only(render(K8S.resolve(overlay)), "Cluster");
        assertNotNull(path(cluster, "spec", "resources", "requests", "memory"), "the database requests memory");
        assertNotNull(path(cluster, "spec", "resources", "limits", "memory"), "the database has a memory limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void secretsAreReferencedNeverWrittenAndEveryReferenceIsDeclaredOrDocumented(String overlay) throws IOException {
        List<Map<String, Object>> docs = render(K8S.resolve(overlay));
        Map<String, Set<String>> available = new LinkedHashMap<>();
        for (Map<String, Object> secret : documents(EXAMPLE_SECRETS)) {
            available.put(name(secret), map(secret, "stringData").keySet());
        }
        for (Map<String, Object> cluster : kinds(docs, "Cluster")) {
            CNPG_SECRETS.forEach((suffix, keys) -> available.put(name(cluster) + suffix, keys));
        }
        String readme = Files.readString(README);
        List<String[]> references = new ArrayList<>(); // {secret, key or null, where}
        for (Map<String, Object> doc : docs) {
            for (Map<String, Object> container : containers(doc)) {
                for (Map<String, Object> env : maps(container.get("env"))) {
                    Map<String, Object> ref = map(env, "valueFrom", "secretKeyRef");
                    if (!ref.isEmpty()) {
                        references.add(new String[] {(String) ref.get("name"), (String) ref.get("key"),
                                "env " + env.get("name")});
                    }
                }
                for (Map<String, Object> from : maps(container.get("envFrom"))) {
                    if (from.containsKey("secretRef")) {
                        references.add(new String[] {string(from, "secretRef", "name"), null, "envFrom"});
                    }
                }
            }
            for (Map<String, Object> volume : maps(path(podSpec(doc), "volumes"))) {
                Map<String, Object> secret = map(volume, "secret");
                if (!secret.isEmpty()) {
                    List<Map<String, Object>> items = maps(secret.get("items"));
                    if (items.isEmpty()) {
                        references.add(new String[] {(String) secret.get("secretName"), null, "volume " + volume.get("name")});
                    }
                    items.forEach(item -> references.add(new String[] {(String) secret.get("secretName"),
                            (String) item.get("key"), "volume " + volume.get("name")}));
                }
            }
            if ("Cluster".equals(doc.get("kind"))) {
                map(doc, "spec", "backup", "barmanObjectStore", "s3Credentials").forEach((what, ref) -> references.add(
                        new String[] {(String) ((Map<?, ?>) ref).get("name"), (String) ((Map<?, ?>) ref).get("key"),
                                "backup credentials " + what}));
            }
        }
        assertTrue(references.size() >= 6, "the database, bank, signing key and JWT key all come from Secrets");
        for (String[] ref : references) {
            Set<String> keys = available.get(ref[0]);
            assertNotNull(keys, () -> overlay + ": " + ref[2] + " names the Secret " + ref[0]
                    + ", which is neither generated by CloudNativePG nor in secrets.example.yaml");
            if (ref[1] != null) {
                assertTrue(keys.contains(ref[1]), () -> overlay + ": " + ref[2] + " reads key " + ref[1] + " of " + ref[0]
                        + ", which has only " + keys);
            }
            assertTrue(readme.contains(ref[0]), () -> "k8s/README.md does not document the Secret " + ref[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyEnvironmentVariableIsASettingOfTheServiceAndTheRequiredOnesAreGiven(String overlay) throws IOException {
        List<Map<String, Object>> docs = render(K8S.resolve(overlay));
        Settings settings = settings();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        kinds(docs, "ConfigMap").forEach(cm -> configMaps.put(name(cm), cm));
        Map<String, Object> deployment = only(docs, "Deployment");
        for (Map<String, Object> container : containers(deployment)) {
            Map<String, String> given = new LinkedHashMap<>(); // name -> where from
            Set<String> referenced = new HashSet<>();
            for (Map<String, Object> from : maps(container.get("envFrom"))) {
                String name = string(from, "configMapRef", "name");
                if (name != null) {
                    Map<String, Object> configMap = configMaps.get(name);
                    assertNotNull(configMap, () -> "envFrom names the ConfigMap " + name + ", which is not deployed");
                    map(configMap, "data").keySet().forEach(key -> given.put(key, "configmap"));
                }
            }
            for (Map<String, Object> env : maps(container.get("env"))) {
                String name = (String) env.get("name");
                given.put(name, env.containsKey("valueFrom") ? (map(env, "valueFrom", "secretKeyRef").isEmpty() ? "ref"
                        : "secret") : "value");
                Matcher m = VARIABLE_REFERENCE.matcher(String.valueOf(env.getOrDefault("value", "")));
                while (m.find()) {
                    referenced.add(m.group(1));
                }
            }
            for (String name : given.keySet()) {
                assertTrue(settings.knows(name) || referenced.contains(name), () -> overlay + ": " + name
                        + " is not a setting of the service (application.properties, README, @ConfigMapping)");
            }
            for (String name : referenced) {
                assertTrue(given.containsKey(name), () -> "$(" + name + ") is used before it is defined");
            }
            for (String name : REQUIRED) {
                assertTrue(given.containsKey(name), () -> overlay + ": the required " + name + " is not given");
            }
            for (String name : SECRET_SETTINGS) {
                assertEquals("secret", given.get(name), () -> overlay + ": " + name + " must come from a Secret");
            }
        }
    }

    /**
     * Behind the ingress every request's peer is the ingress controller: without forwarded addresses
     * every bidder would share one client address, and with forwarded addresses from any peer every
     * client could name its own. The manifests take X-Forwarded-For from the trusted proxies only,
     * name them (the production overlay with a placeholder the service refuses to start with), and
     * never turn the audit log off.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void clientAddressesAreForwardedByTheIngressOnlyAndTheAuditLogStaysOn(String overlay) throws IOException {
        List<Map<String, Object>> docs = render(K8S.resolve(overlay));
        Map<String, String> config = labels(map(only(docs, "ConfigMap"), "data"));
        assertEquals("true", config.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"),
                overlay + ": client addresses come from the proxy's forwarding headers");
        assertTrue("true".equals(config.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"))
                || "true".equals(config.get("QUARKUS_HTTP_PROXY_ALLOW_FORWARDED")),
                overlay + ": X-Forwarded-For or Forwarded is read");
        String trusted = config.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        assertNotNull(trusted, overlay + ": the ingress controller's addresses are the only trusted proxies");
        List<String> entries = List.of(trusted.split(",")).stream().map(String::trim).toList();
        List<String> problems = cn.landmarket.common.config.ProductionSettings.problems(true, Optional.of(entries), true,
                false, Optional.of("x".repeat(cn.landmarket.common.config.ProductionSettings.BANK_SECRET_MIN_BYTES)));
        if (overlay.equals("base")) {
            assertEquals(List.of(), problems, "the base starts as it is");
            entries.forEach(e -> assertTrue(e.matches("[0-9.]+(/[0-9]{1,2})?|[0-9a-fA-F:]+(/[0-9]{1,3})?"),
                    () -> "an address or CIDR range: " + e));
        } else {
            assertTrue(trusted.contains("REPLACE-ME") && !problems.isEmpty(),
                    "production names its own ingress controller, and refuses to start until it does: " + problems);
            assertTrue(Files.readString(README).contains("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"),
                    "k8s/README.md says what to fill in");
        }
        for (Map<String, Object> container : containers(only(docs, "Deployment"))) {
            Set<String> given = new HashSet<>(config.keySet());
            maps(container.get("env")).forEach(env -> given.add((String) env.get("name")));
            assertFalse(given.contains("MARKET_AUDIT_ENABLED") || given.contains("MARKET_AUDIT_OFF_FOR_BENCHMARK"),
                    overlay + ": a deployment never touches the audit log's switch");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void autoscalerAndDisruptionBudgetFollowTheDeployment(String overlay) {
        List<Map<String, Object>> docs = render(K8S.resolve(overlay));
        Map<String, Object> deployment = only(docs, "Deployment");
        int replicas = integer(deployment, "spec", "replicas");
        Map<String, String> podLabels = labels(map(deployment, "spec", "template", "metadata", "labels"));

        Map<String, Object> hpa = only(docs, "HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.get("apiVersion"));
        assertEquals(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", name(deployment)),
                map(hpa, "spec", "scaleTargetRef"), "the autoscaler scales the Deployment");
        int min = integer(hpa, "spec", "minReplicas");
        int max = integer(hpa, "spec", "maxReplicas");
        assertTrue(min >= 2 && min <= replicas && replicas <= max,
                () -> overlay + ": 2 <= minReplicas " + min + " <= replicas " + replicas + " <= maxReplicas " + max);
        assertFalse(maps(path(hpa, "spec", "metrics")).isEmpty(), "the autoscaler has a metric");

        Map<String, Object> pdb = only(docs, "PodDisruptionBudget");
        assertEquals("policy/v1", pdb.get("apiVersion"));
        Map<String, String> selector = labels(map(pdb, "spec", "selector", "matchLabels"));
        assertFalse(selector.isEmpty(), "the budget selects by labels");
        selector.forEach((key, value) -> assertEquals(value, podLabels.get(key),
                () -> overlay + ": the budget's selector " + key + "=" + value + " does not match the pod labels"));
        Object minAvailable = path(pdb, "spec", "minAvailable");
        Object maxUnavailable = path(pdb, "spec", "maxUnavailable");
        assertTrue(minAvailable instanceof Integer n ? n < min : maxUnavailable instanceof Integer u && u >= 1,
                "the budget still lets a node drain");

        // every instance the autoscaler may start gets its pool of connections from the database
        Map<String, Object> cluster = only(docs, "Cluster");
        int maxConnections = Integer.parseInt(string(cluster, "spec", "postgresql", "parameters", "max_connections"));
        int pool = Integer.parseInt(String.valueOf(map(only(docs, "ConfigMap"), "data")
                .getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "32")));
        assertTrue(max * pool < maxConnections, () -> overlay + ": " + max + " instances x " + pool
                + " connections exceed max_connections " + maxConnections);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void theDatabaseIsAThreeInstanceCloudNativePgClusterWithBackups(String overlay) {
        List<Map<String, Object>> docs = render(K8S.resolve(overlay));
        Map<String, Object> cluster = only(docs, "Cluster");
        assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion"));
        assertEquals(3, integer(cluster, "spec", "instances"));
        assertNotNull(string(cluster, "spec", "storage", "size"), "the cluster has storage");
        assertTrue(string(cluster, "spec", "backup", "barmanObjectStore", "destinationPath").startsWith("s3://"),
                "WAL and base backups go to an object store");
        assertNotNull(path(cluster, "spec", "backup", "retentionPolicy"));
        assertEquals(name(cluster), string(only(docs, "ScheduledBackup"), "spec", "cluster", "name"),
                "the nightly backup is of this cluster");
        boolean appSecret = containers(only(docs, "Deployment")).stream().flatMap(c -> maps(c.get("env")).stream())
                .anyMatch(env -> (name(cluster) + "-app").equals(string(env, "valueFrom", "secretKeyRef", "name")));
        assertTrue(appSecret, "the service connects with the cluster's generated app credentials");
    }

    // ---------------------------------------------------------------------------------------------
    // rendering, as Kustomize does for what these files use

    private static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = documents(dir.resolve("kustomization.yaml")).get(0);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String entry : entries(k, "resources")) {
            Path target = dir.resolve(entry).normalize();
            docs.addAll(Files.isDirectory(target) ? render(target) : documents(target));
        }
        for (Map<String, Object> patchEntry : maps(k.get("patches"))) {
            for (Map<String, Object> patch : documents(dir.resolve((String) patchEntry.get("path")))) {
                Map<String, Object> target = docs.stream()
                        .filter(d -> d.get("kind").equals(patch.get("kind")) && name(d).equals(name(patch)))
                        .findFirst().orElseThrow(() -> new AssertionError(
                                dir + " patches " + patch.get("kind") + " " + name(patch) + ", which is not in its resources"));
                merge(target, patch);
            }
        }
        for (Map<String, Object> image : maps(k.get("images"))) {
            for (Map<String, Object> doc : docs) {
                for (Map<String, Object> container : containers(doc)) {
                    String current = (String) container.get("image");
                    int tagAt = current.indexOf(':', current.lastIndexOf('/') + 1);
                    String imageName = tagAt < 0 ? current : current.substring(0, tagAt);
                    if (imageName.equals(image.get("name"))) {
                        Object tag = image.containsKey("newTag") ? image.get("newTag")
                                : tagAt < 0 ? null : current.substring(tagAt + 1);
                        String newName = (String) image.getOrDefault("newName", imageName);
                        container.put("image", tag == null ? newName : newName + ":" + tag);
                    }
                }
            }
        }
        if (k.get("namespace") != null) {
            docs.stream().filter(d -> !"Namespace".equals(d.get("kind")))
                    .forEach(d -> map(d, "metadata").put("namespace", k.get("namespace")));
        }
        return docs;
    }

    /** Strategic merge as far as these patches need it: maps merge, lists of named items merge by name. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object current = target.get(key);
            if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
                merge((Map<String, Object>) c, (Map<String, Object>) m);
            } else if (value instanceof List<?> l && current instanceof List<?> c && named(l) && named(c)) {
                for (Object item : l) {
                    Map<String, Object> patchItem = (Map<String, Object>) item;
                    Optional<Map<String, Object>> existing = ((List<Map<String, Object>>) c).stream()
                            .filter(i -> i.get("name").equals(patchItem.get("name"))).findFirst();
                    if (existing.isPresent()) {
                        merge(existing.get(), patchItem);
                    } else {
                        ((List<Object>) c).add(patchItem);
                    }
                }
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
    }

    // ---------------------------------------------------------------------------------------------
    // the settings the service reads

    /** Names the service reads, as environment variables: exact ones and map prefixes. */
    private record Settings(Set<String> exact, Set<String> prefixes) {
        boolean knows(String env) {
            return exact.contains(env) || prefixes.stream().anyMatch(p -> env.startsWith(p + "_"));
        }
    }

    private static Settings settings() throws IOException {
        Set<String> exact = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String key : applicationProperties().stringPropertyNames()) {
            exact.add(env(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key));
        }
        // README, "Configuration": the documented environment variables and property names
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0, "README has a Configuration section");
        Matcher m = Pattern.compile("`([^`]+)`").matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (m.find()) {
            String token = m.group(1);
            if (token.matches("[A-Z][A-Z0-9]*_[A-Z0-9_]+")) {
                exact.add(token);
            } else if (token.matches("(market|quarkus|mp)\\.[a-z0-9.-]+")) {
                exact.add(env(token));
            }
        }
        // every @ConfigMapping of the service, walked method by method
        for (JavaClass mapping : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.landmarket").stream().filter(c -> c.isAnnotatedWith(ConfigMapping.class)).toList()) {
            Class<?> type = mapping.reflect();
            walk(type.getAnnotation(ConfigMapping.class).prefix(), type, exact, prefixes);
        }
        assertTrue(exact.contains("MARKET_RULES_ANNOUNCEMENT_MIN_DAYS") && exact.contains("MARKET_BANK_HMAC_SECRET")
                && exact.contains("QUARKUS_DATASOURCE_PASSWORD"), () -> "settings found: " + exact);
        return new Settings(exact, prefixes);
    }

    private static void walk(String prefix, Class<?> type, Set<String> exact, Set<String> prefixes) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = prefix + "." + kebab(method.getName());
            Class<?> result = method.getReturnType();
            Type generic = method.getGenericReturnType();
            if (result == Optional.class && generic instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> inner) {
                result = inner;
            }
            if (Map.class.isAssignableFrom(result)) {
                prefixes.add(env(name));
            } else if (result.isInterface() && result.getName().startsWith("cn.landmarket")) {
                walk(name, result, exact, prefixes);
            } else {
                exact.add(env(name));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The environment variable of a property: upper case, every other character an underscore. */
    private static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    // ---------------------------------------------------------------------------------------------
    // YAML helpers

    private static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(reader)) {
                if (doc != null) {
                    assertTrue(doc instanceof Map, () -> file + " holds a document that is not a mapping");
                    docs.add((Map<String, Object>) doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return fail(file + " is not valid YAML: " + e.getMessage());
        }
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... keys) {
        Object value = path(node, keys);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<String> entries(Map<String, Object> kustomization, String key) {
        return strings(kustomization.get(key));
    }

    private static String string(Object node, String... keys) {
        Object value = path(node, keys);
        return value == null ? null : String.valueOf(value);
    }

    private static int integer(Object node, String... keys) {
        Object value = path(node, keys);
        assertTrue(value instanceof Integer, () -> String.join(".", keys) + " is not a number: " + value);
        return (Integer) value;
    }

    private static String name(Map<String, Object> doc) {
        return string(doc, "metadata", "name");
    }

    private static Map<String, String> labels(Map<String, Object> labels) {
        Map<String, String> result = new LinkedHashMap<>();
        labels.forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    private static List<Map<String, Object>> kinds(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> found = kinds(docs, kind);
        assertEquals(1, found.size(), () -> "expected one " + kind + ", found " + found.size());
        return found.get(0);
    }

    private static Map<String, Object> podSpec(Map<String, Object> doc) {
        return map(doc, "spec", "template", "spec");
    }

    private static List<Map<String, Object>> containers(Map<String, Object> doc) {
        List<Map<String, Object>> all = new ArrayList<>(maps(podSpec(doc).get("containers")));
        all.addAll(maps(podSpec(doc).get("initContainers")));
        return all;
    }

    private static boolean spreadsOverNodes(Map<String, Object> pod, Map<String, String> podLabels) {
        boolean spread = maps(pod.get("topologySpreadConstraints")).stream()
                .anyMatch(c -> "kubernetes.io/hostname".equals(c.get("topologyKey"))
                        && selects(map(c, "labelSelector", "matchLabels"), podLabels));
        boolean antiAffinity = Stream.concat(
                maps(path(pod, "affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution")).stream(),
                maps(path(pod, "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution")).stream()
                        .map(p -> map(p, "podAffinityTerm")))
                .anyMatch(t -> "kubernetes.io/hostname".equals(t.get("topologyKey"))
                        && selects(map(t, "labelSelector", "matchLabels"), podLabels));
        return spread || antiAffinity;
    }

    private static boolean selects(Map<String, Object> selector, Map<String, String> podLabels) {
        return !selector.isEmpty() && labels(selector).entrySet().stream()
                .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }

    /** A Kubernetes quantity (500m, 2, 768Mi, 1Gi) as a number of base units. */
    static BigDecimal quantity(Object value) {
        String q = String.valueOf(value);
        Map<String, BigDecimal> suffixes = Map.of("m", new BigDecimal("0.001"), "k", BigDecimal.valueOf(1000),
                "M", BigDecimal.valueOf(1_000_000), "G", BigDecimal.valueOf(1_000_000_000), "Ki",
                BigDecimal.valueOf(1024), "Mi", BigDecimal.valueOf(1024L * 1024), "Gi",
                BigDecimal.valueOf(1024L * 1024 * 1024), "Ti", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024));
        Matcher m = Pattern.compile("([0-9.]+)([A-Za-z]*)").matcher(q);
        assertTrue(m.matches(), () -> "not a quantity: " + q);
        BigDecimal unit = m.group(2).isEmpty() ? BigDecimal.ONE : suffixes.get(m.group(2));
        assertNotNull(unit, () -> "unknown unit in " + q);
        return new BigDecimal(m.group(1)).multiply(unit);
    }

    @Test
    void quantitiesCompareAcrossUnits() {
        assertTrue(quantity("500m").compareTo(quantity("2")) < 0);
        assertEquals(0, quantity("1Gi").compareTo(quantity("1024Mi")));
        assertTrue(quantity("1536Mi").compareTo(quantity("2Gi")) < 0);
        assertEquals(0, quantity(1).compareTo(BigDecimal.ONE));
    }
}
