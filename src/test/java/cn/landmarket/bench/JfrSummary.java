package cn.landmarket.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service spent its CPU in given time windows, from a flight recording's
 * {@code jdk.ExecutionSample} events (threads running Java code, sampled every 10 ms with the
 * {@code profile} settings; time in native I/O waits and in the JVM's own GC and compiler threads is
 * not in them): the hottest top frames, the packages of the top frames, the threads, and, inclusive
 * (a sample counts for every area found anywhere on its stack), the share of the samples in which
 * each part of the stack (JWT, JSON, HTTP, JDBC, audit log...) was at work.
 */
final class JfrSummary {

    /** Areas of the stack, by the first package prefix a frame matches (order matters). */
    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("io.smallrye.jwt", "JWT (smallrye-jwt, jose4j)");
        AREAS.put("org.jose4j", "JWT (smallrye-jwt, jose4j)");
        AREAS.put("io.quarkus.smallrye.jwt", "JWT (smallrye-jwt, jose4j)");
        AREAS.put("com.fasterxml.jackson", "JSON (Jackson)");
        AREAS.put("org.hibernate.validator", "bean validation");
        AREAS.put("org.hibernate", "Hibernate ORM");
        AREAS.put("org.postgresql", "JDBC driver");
        AREAS.put("io.agroal", "connection pool (Agroal)");
        AREAS.put("com.arjuna", "transactions (Narayana)");
        AREAS.put("cn.landmarket.audit", "audit log");
        AREAS.put("cn.landmarket.auction.BidBatcher", "bid batcher");
        AREAS.put("cn.landmarket.auction.BidStore", "bid batcher");
        AREAS.put("cn.landmarket.auction.BatchDecision", "bid batcher");
        AREAS.put("cn.landmarket.auction.LiveFeed", "live feed");
        AREAS.put("cn.landmarket.auction.Live", "live feed");
        AREAS.put("org.jboss.resteasy.reactive", "REST layer (RESTEasy Reactive)");
        AREAS.put("io.quarkus.resteasy.reactive", "REST layer (RESTEasy Reactive)");
        AREAS.put("io.quarkus.security", "security");
        AREAS.put("io.quarkus.vertx.http.runtime.security", "security");
        AREAS.put("io.micrometer", "metrics (Micrometer)");
        AREAS.put("org.jboss.logmanager", "logging");
        AREAS.put("org.jboss.logging", "logging");
        AREAS.put("io.netty", "HTTP I/O (Netty, Vert.x)");
        AREAS.put("io.vertx", "HTTP I/O (Netty, Vert.x)");
        AREAS.put("sun.security", "crypto (JCA)");
        AREAS.put("java.security", "crypto (JCA)");
        AREAS.put("javax.crypto", "crypto (JCA)");
        AREAS.put("com.sun.crypto", "crypto (JCA)");
    }

    private JfrSummary() {
    }

    /** Prints the summary of the samples that fall in any of the windows (start, end). */
    static void print(Path recording, String title, List<Instant[]> windows, int top) throws IOException {
        Map<String, Integer> frames = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || !inside(event.getStartTime(), windows)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                RecordedFrame first = stack.getFrames().get(0);
                String type = first.getMethod().getType().getName();
                frames.merge(type + "." + first.getMethod().getName(), 1, Integer::sum);
                packages.merge(packageOf(type), 1, Integer::sum);
                String thread = event.getThread("sampledThread") == null ? "?"
                        : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "#"), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String area = area(frame.getMethod().getType().getName());
                    if (area != null && seen.add(area)) {
                        areas.merge(area, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nWhere the service spent its CPU, %s: %d execution samples (%s)%n", title,
                samples, recording);
        if (samples == 0) {
            return;
        }
        print("top frames", frames, samples, top);
        print("packages of the top frame", packages, samples, top);
        print("threads", threads, samples, top);
        print("on the stack (inclusive; a sample counts for every area it shows)", areas, samples, top + 6);
    }

    private static boolean inside(Instant at, List<Instant[]> windows) {
        for (Instant[] w : windows) {
            if (!at.isBefore(w[0]) && !at.isAfter(w[1])) {
                return true;
            }
        }
        return false;
    }

    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        int keep = Math.min(parts.length - 1, 3);
        return keep <= 0 ? type : String.join(".", java.util.Arrays.copyOf(parts, keep));
    }

    private static String area(String type) {
        for (Map.Entry<String, String> e : AREAS.entrySet()) {
            if (type.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void print(String heading, Map<String, Integer> counts, int samples, int top) {
        System.out.println("  " + heading + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * e.getValue() / samples,
                        e.getKey()));
    }
}
