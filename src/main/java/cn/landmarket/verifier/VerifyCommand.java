package cn.landmarket.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's command line, the main class of {@code land-market-<version>-verifier.jar}:
 * {@code java -jar land-market-<version>-verifier.jar <service url | export directory> [saved checkpoint]
 * [--key <verifier key>] [--export <directory>]} (or, in the source tree,
 * {@code ./mvnw -B -q compile exec:java@verify-log -Dexec.args="http://localhost:8080 audit-checkpoint.txt"}).
 * The first argument is the service's URL or a directory holding an export of its log. The saved
 * checkpoint file, if it exists, must be consistent with the log; on success the new checkpoint is
 * written there. {@code --key} pins the key; {@code --export} also writes what was verified to a
 * directory (key.txt, checkpoint.txt, checkpoints.json, entries.bin with each entry as a 4-byte
 * big-endian length and its bytes), which this verifier and others can check offline. Prints
 * {@code OK: ...} and exits 0 when the log checks out, prints {@code FAILED: ...} naming the first
 * bad entry or checkpoint and exits 1 when it does not, exits 2 when the log cannot be read.
 *
 * <p>{@code recompute <service url | export directory> [--key <verifier key>]} verifies the log the
 * same way, then recomputes every published result it can from the log alone ({@link Recomputation}:
 * sealed openings) and prints one line per result, {@code AGREES} or {@code DISAGREES} with where;
 * it exits 0 when the log verifies and every result agrees, 1 otherwise, 2 when the log cannot be read.
 *
 * <p>
 * {@code pdf <file> [--key <verifier key>]} checks instead the proof a document (成交确认书,
 * 成交结果公示) carries inside its PDF, offline ({@link DocumentProof}): prints each proved entry and
 * each document fact it proves, then {@code OK: ...} (exit 0) when every proof verifies and every
 * stated fact is proved, {@code FAILED: ...} (exit 1) otherwise, exit 2 when the file cannot be read
 * or carries no proof.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("pdf")) {
            return pdf(args, out, err);
        }
        boolean recompute = args.length > 0 && args[0].equals("recompute");
        List<String> positional = new ArrayList<>();
        String pinned = null;
        Path exportTo = null;
        for (int i = recompute ? 1 : 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                pinned = args[++i];
            } else if (args[i].equals("--export") && i + 1 < args.length && !recompute) {
                exportTo = Path.of(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || positional.size() > (recompute ? 1 : 2)) {
            err.println("usage: Verifier <service url | export directory> [saved checkpoint file] "
                    + "[--key <verifier key>] [--export <directory>]");
            err.println("       Verifier recompute <service url | export directory> [--key <verifier key>]");
            return 2;
        }
        try {
            if (recompute) {
                return recompute(positional.get(0), pinned, out, err);
            }
            Verdict result = Verifier.verify(positional.get(0), positional.size() > 1 ? Path.of(positional.get(1)) : null,
                    pinned, exportTo);
            (result.ok() ? out : err).println((result.ok() ? "OK: " : "FAILED: ") + result.message());
            return result.ok() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot read the log: " + (e.getMessage() == null ? e : e.getMessage()));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /**
     * Verifies the log, then recomputes its results whatever the verdict (so that a log that does not
     * verify still says which results its entries contradict); one line per result.
     */
    private static int recompute(String location, String pinned, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Verdict log = Verifier.verify(location, null, pinned);
        out.println("log " + (log.ok() ? "OK: " : "FAILED: ") + log.message());
        Recomputer.Report report = Recomputer.recompute(location, log.treeSize(), Recomputation.all());
        for (Finding f : report.findings()) {
            out.println(f.line());
        }
        int disagreeing = report.disagreements().size();
        String counts = report.findings().size() + " results recomputed from " + report.entries() + " entries";
        if (log.ok() && disagreeing == 0) {
            out.println("OK: " + counts + ", all agree with the published ones");
            return 0;
        }
        err.println("FAILED: " + counts + ", " + disagreeing + " disagree with the published ones"
                + (log.ok() ? "" : "; the log does not verify"));
        return 1;
    }

    /** {@code pdf <file> [--key <verifier key>]}: the exit code of checking the document's attached proof. */
    static int pdf(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        String pinned = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                pinned = args[++i];
            } else if (file == null) {
                file = args[i];
            } else {
                file = null;
                break;
            }
        }
        if (file == null) {
            err.println("usage: Verifier pdf <document.pdf> [--key <verifier key>]");
            return 2;
        }
        DocumentProof.Result result;
        try {
            result = DocumentProof.check(java.nio.file.Files.readAllBytes(Path.of(file)), pinned);
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read the document's proof: " + e.getMessage());
            return 2;
        }
        result.lines().forEach(out::println);
        (result.ok() ? out : err).println((result.ok() ? "OK: " : "FAILED: ") + result.summary());
        return result.ok() ? 0 : 1;
    }
}
