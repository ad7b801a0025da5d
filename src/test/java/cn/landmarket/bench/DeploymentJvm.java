package cn.landmarket.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The JVM options the packaged service runs with where it is deployed, so that the benchmark measures
 * the memory a deployment would see: the container image's start script
 * ({@code run-java.sh} of ubi9/openjdk-17-runtime) puts its defaults first, then the image's
 * {@code JAVA_OPTS_APPEND} (read from {@code src/main/docker/Dockerfile.jvm}); the container's memory
 * limit, which the JVM would see as its RAM, is the base Deployment's {@code limits.memory} (read
 * from {@code k8s/base/deployment.yaml}) and is given here as {@code -XX:MaxRAM}; the image's
 * {@code MALLOC_*} environment goes to the process's environment ({@link #environment()}). The service binds
 * 127.0.0.1 whatever the image says. {@code -Dbench.jvm="..."} replaces all of it (for instance
 * {@code -Dbench.jvm=-Xmx1g}, the benchmark's setting before), {@code -Dbench.containerMemory=2Gi}
 * only the limit.
 */
final class DeploymentJvm {

    /** What run-java.sh of ubi9/openjdk-17-runtime adds when nothing else is set (image 1.24). */
    static final List<String> IMAGE_DEFAULTS = List.of("-XX:MaxRAMPercentage=80.0", "-XX:+UseParallelGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4",
            "-XX:AdaptiveSizePolicyWeight=90", "-XX:+ExitOnOutOfMemoryError");
    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    private static final Path DEPLOYMENT = Path.of("k8s", "base", "deployment.yaml");
    private static final Pattern APPEND = Pattern.compile("ENV\\s+JAVA_OPTS_APPEND=\"([^\"]*)\"");

    private DeploymentJvm() {
    }

    /** The options, in the order the start script passes them. */
    static List<String> options() {
        String override = System.getProperty("bench.jvm");
        if (override != null && !override.isBlank()) {
            return List.of(override.trim().split("\\s+"));
        }
        List<String> options = new ArrayList<>();
        options.add("-XX:MaxRAM=" + bytes(System.getProperty("bench.containerMemory", containerMemory())));
        options.addAll(IMAGE_DEFAULTS);
        options.addAll(javaOptsAppend());
        options.add("-Dquarkus.http.host=127.0.0.1");
        return options;
    }

    /** The image's environment that the JVM itself reads (MALLOC_ARENA_MAX and the like), from its ENV lines. */
    static Map<String, String> environment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        if (System.getProperty("bench.jvm") != null) {
            return env;
        }
        try {
            Matcher m = Pattern.compile("(?m)^ENV\\s+(MALLOC_[A-Z_]+)=\"?([^\"\\s]*)\"?").matcher(Files.readString(DOCKERFILE));
            while (m.find()) {
                env.put(m.group(1), m.group(2));
            }
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image's JAVA_OPTS_APPEND, continuation lines joined. */
    static List<String> javaOptsAppend() {
        try {
            String dockerfile = Files.readString(DOCKERFILE).replaceAll("\\\\\\r?\\n\\s*", " ");
            Matcher m = APPEND.matcher(dockerfile);
            if (!m.find()) {
                throw new IllegalStateException(DOCKERFILE + " sets no JAVA_OPTS_APPEND");
            }
            return Arrays.stream(m.group(1).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base Deployment's container memory limit, as Kubernetes writes it (1Gi). */
    @SuppressWarnings("unchecked")
    static String containerMemory() {
        try {
            Map<String, Object> deployment = new Yaml().load(Files.readString(DEPLOYMENT));
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment
                    .get("spec")).get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) container.get("resources"))
                    .get("limits");
            return String.valueOf(limits.get("memory"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Kubernetes memory quantity (512Mi, 1Gi, 1G, 1000000) in bytes. */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)([KMGT]i?)?").matcher(quantity.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a memory quantity: " + quantity);
        }
        long n = Long.parseLong(m.group(1));
        if (m.group(2) == null) {
            return n;
        }
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        int power = "KMGT".indexOf(unit.charAt(0)) + 1;
        long base = unit.endsWith("I") ? 1024 : 1000;
        long result = n;
        for (int i = 0; i < power; i++) {
            result *= base;
        }
        return result;
    }
}
