package cn.landmarket.verifier;

import java.io.IOException;
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
        if (args.length > 0 && args[0].equals("pdf")) {
            System.exit(pdf(args));
        }
        List<String> positional = new ArrayList<>();
        String pinned = null;
        Path exportTo = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                pinned = args[++i];
            } else if (args[i].equals("--export") && i + 1 < args.length) {
                exportTo = Path.of(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            System.err.println("usage: Verifier <service url | export directory> [saved checkpoint file] "
                    + "[--key <verifier key>] [--export <directory>]");
            System.exit(2);
        }
        Verdict result;
        try {
            result = Verifier.verify(positional.get(0), positional.size() > 1 ? Path.of(positional.get(1)) : null,
                    pinned, exportTo);
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot read the log: " + (e.getMessage() == null ? e : e.getMessage()));
            System.exit(2);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(2);
            return;
        }
        (result.ok() ? System.out : System.err).println((result.ok() ? "OK: " : "FAILED: ") + result.message());
        System.exit(result.ok() ? 0 : 1);
    }

    /** {@code pdf <file> [--key <verifier key>]}: the exit code of checking the document's attached proof. */
    static int pdf(String[] args) {
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
            System.err.println("usage: Verifier pdf <document.pdf> [--key <verifier key>]");
            return 2;
        }
        DocumentProof.Result result;
        try {
            result = DocumentProof.check(java.nio.file.Files.readAllBytes(Path.of(file)), pinned);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot read the document's proof: " + e.getMessage());
            return 2;
        }
        result.lines().forEach(System.out::println);
        (result.ok() ? System.out : System.err).println((result.ok() ? "OK: " : "FAILED: ") + result.summary());
        return result.ok() ? 0 : 1;
    }
}
