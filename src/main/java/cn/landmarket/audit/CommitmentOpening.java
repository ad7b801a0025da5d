package cn.landmarket.audit;

/**
 * The opening of a commitment in the log: {@code commitment} = hex SHA-256(salt ‖ UTF-8 value), with
 * the salt in hex. {@code scope}/{@code subject} name what it belongs to (a listing, a certificate,
 * ...), {@code field} the fact; a structured fact's value is its canonical JSON.
 */
public record CommitmentOpening(String commitment, String scope, String subject, String field, String salt,
        String value) {
}
