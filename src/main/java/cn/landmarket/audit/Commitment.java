package cn.landmarket.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * A salted commitment: a fact that is not public goes into the public log as
 * {@code hex SHA-256(salt ‖ UTF-8 value)} with a random 16-byte salt. The log then proves the fact
 * was never changed without showing it; whoever is given the salt and the value recomputes the hash
 * ({@link #of}). The value of a structured fact is its canonical JSON ({@link #canonical}).
 *
 * <p>A commitment made by {@link #seal} is stored with its opening (salt and value) by
 * {@link AuditLog#append} in the same transaction as its entry, under a {@code scope} and
 * {@code subject} naming the feature and the thing it belongs to; the feature decides who may open
 * it ({@link CommitmentAuthority}).
 *
 * @param scope the owning feature's kind of thing: {@link #LISTING}, {@link #CERTIFICATE}, ...
 * @param subject the id of that thing
 * @param field the fact's name; the entry carries the hash as {@code <field>Commitment}
 */
public record Commitment(String scope, String subject, String field, byte[] salt, String value) {

    /** A listing's facts not public before its announcement (draft terms, rejection reason). */
    public static final String LISTING = "listing";
    /** A certificate's details, shown to its holder, regulators of its region and operators. */
    public static final String CERTIFICATE = "certificate";
    /** The reason a regulator gave for revealing bidders' identities: regulators only. */
    public static final String REVEAL = "reveal";
    /** An enterprise's review facts (the reason of a rejection). */
    public static final String ENTERPRISE = "enterprise";

    /** Bytes of random salt in every commitment. */
    public static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Lower-case hex SHA-256(salt ‖ UTF-8 value): the commitment to {@code value} under {@code salt}. */
    public static String of(byte[] salt, String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical JSON text of structured facts (the log's own encoding): the value committed for them. */
    public static String canonical(Map<String, ?> facts) {
        return new String(CanonicalJson.encode(facts), StandardCharsets.UTF_8);
    }

    /** A commitment to {@code value} with a fresh random salt. */
    public static Commitment seal(String scope, Object subject, String field, String value) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Commitment(scope, String.valueOf(subject), field, salt, value);
    }

    /** Puts {@code <field>Commitment} = the hash into {@code facts} and returns this commitment. */
    public Commitment into(Map<String, Object> facts) {
        facts.put(factName(), hash());
        return this;
    }

    /** The name of the fact that carries the hash: {@code <field>Commitment}. */
    public String factName() {
        return field + "Commitment";
    }

    /** The commitment's hash, {@link #of}(salt, value). */
    public String hash() {
        return of(salt, value);
    }
}
