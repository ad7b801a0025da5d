package cn.landmarket.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of the Prometheus text exposition format, as a scraper would. */
public final class Prometheus {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Prometheus() {
    }

    /**
     * The value of the one sample named {@code name} whose labels include every pair of
     * {@code labels} (name, value, name, value...); empty when there is none, an error when several
     * match.
     */
    public static OptionalDouble sample(String exposition, String name, String... labels) {
        List<Double> found = matching(exposition, name, labels);
        if (found.size() > 1) {
            throw new IllegalArgumentException("More than one sample of " + name + " matches " + List.of(labels));
        }
        return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0));
    }

    /** The sum of every sample named {@code name} whose labels include these, such as a counter over all reasons. */
    public static double sum(String exposition, String name, String... labels) {
        return matching(exposition, name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> matching(String exposition, String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Double> found = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    have.put(l.group(1), l.group(2));
                }
            }
            if (have.entrySet().containsAll(wanted.entrySet())) {
                found.add(Double.parseDouble(m.group(3)));
            }
        }
        return found;
    }

    /** A counter's value, 0 while it has never been incremented (Micrometer creates it on first use). */
    public static double counter(String exposition, String name, String... labels) {
        return sample(exposition, name, labels).orElse(0);
    }

    /** A sample that must be there. */
    public static double gauge(String exposition, String name, String... labels) {
        return sample(exposition, name, labels)
                .orElseThrow(() -> new AssertionError("No sample " + name + " " + String.join(",", labels)));
    }
}
