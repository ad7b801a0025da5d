package cn.landmarket.audit;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.RegisteredRegulators;

/**
 * Opens the commitments of the public log to those the owning feature authorises: the salt and
 * value stored with the entry, from which anyone holding them recomputes the hash the log carries.
 */
@ApplicationScoped
public class CommitmentService {

    private final EntityManager em;
    private final Instance<CommitmentAuthority> authorities;
    private final RegisteredRegulators regulators;

    CommitmentService(EntityManager em, @Any Instance<CommitmentAuthority> authorities,
            RegisteredRegulators regulators) {
        this.em = em;
        this.authorities = authorities;
        this.regulators = regulators;
    }

    /**
     * The opening of {@code commitment} (hex, any case) for {@code actor}: 404 when no such
     * commitment was made, 403 (or the owning feature's 404) when the actor may not read the fact. A
     * regulator whose organisation is not registered gets 403 before anything is looked up.
     */
    @Transactional
    public CommitmentOpening open(Actor actor, String commitment) {
        regulators.requireRegisteredIfRegulator(actor);
        String hex = commitment == null ? "" : commitment.strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw ApiException.notFound("commitment", commitment);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select scope, subject, field, salt, value from audit_commitment where commitment = ?1")
                .setParameter(1, hex).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("commitment", hex);
        }
        Object[] row = rows.get(0);
        String scope = (String) row[0];
        String subject = (String) row[1];
        String field = (String) row[2];
        CommitmentAuthority authority = authorities.stream().filter(a -> a.scope().equals(scope)).findFirst()
                .orElseThrow(() -> ApiException.forbidden(MessageKey.FORBIDDEN_COMMITMENT));
        authority.authorise(actor, subject, field);
        return new CommitmentOpening(hex, scope, subject, field, HexFormat.of().formatHex((byte[]) row[3]),
                (String) row[4]);
    }
}
