package cn.landmarket.audit;

import jakarta.enterprise.context.ApplicationScoped;

/** The log's checkpoint signing key, read once from configuration. */
@ApplicationScoped
public class AuditSigner {

    private final String origin;
    private final SignedNote.Signer signer;

    AuditSigner(AuditConfig config) {
        this.origin = config.origin();
        this.signer = SignedNote.Signer.fromPkcs8(config.keyName().orElse(config.origin()), config.signingKey());
    }

    public String origin() {
        return origin;
    }

    public String sign(String text) {
        return signer.sign(text);
    }

    /** The C2SP verifier key of the log. */
    public String verifierKey() {
        return signer.verifierKey();
    }
}
