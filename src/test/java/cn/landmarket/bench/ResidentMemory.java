package cn.landmarket.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of a process, from {@code /proc/<pid>/status}: VmRSS now and VmHWM (the peak
 * so far), in MiB, and the highest VmRSS a background sampler (every 100 ms) saw since {@link #mark()}.
 */
final class ResidentMemory implements AutoCloseable {

    /** One reading, in MiB. */
    record Reading(double rssMiB, double hwmMiB) {
    }

    private final long pid;
    private final Thread sampler;
    private volatile double windowMaxMiB;
    private volatile boolean running = true;

    ResidentMemory(long pid) {
        this.pid = pid;
        this.sampler = new Thread(() -> {
            while (running) {
                Reading r = read();
                if (r != null && r.rssMiB() > windowMaxMiB) {
                    windowMaxMiB = r.rssMiB();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long pid() {
        return pid;
    }

    /** Starts a new window for {@link #windowMaxMiB()}. */
    void mark() {
        Reading r = read();
        windowMaxMiB = r == null ? 0 : r.rssMiB();
    }

    /** The highest VmRSS seen since {@link #mark()}, in MiB. */
    double windowMaxMiB() {
        return windowMaxMiB;
    }

    /** VmRSS and VmHWM now; null when the process is gone. */
    Reading read() {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                }
            }
            return rss < 0 ? null : new Reading(rss / 1024.0, hwm / 1024.0);
        } catch (IOException gone) {
            return null;
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
