package cn.landmarket.asset;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.audit.Commitment;
import cn.landmarket.audit.CommitmentAuthority;
import cn.landmarket.common.security.Actor;

/**
 * Who may open what the log commits to about a certificate (its details, the lots frozen and
 * released on it, the quantities of its quota transfers): whoever the API shows the certificate to.
 */
@ApplicationScoped
class CertificateCommitments implements CommitmentAuthority {

    private final CertificateService certificates;

    CertificateCommitments(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public String scope() {
        return Commitment.CERTIFICATE;
    }

    @Override
    public void authorise(Actor actor, String subject, String field) {
        certificates.authoriseDetails(actor, CommitmentAuthority.idOf("certificate", subject));
    }
}
