package cn.landmarket.oversight;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.audit.CommitmentAuthority;
import cn.landmarket.common.security.Actor;

/**
 * Who may open the commitments of objections' log entries (who lodged one, its reasons, the
 * answer): the objector and the regulators of the listing's region, as the API shows them.
 */
@ApplicationScoped
class ObjectionCommitments implements CommitmentAuthority {

    private final ObjectionService objections;

    ObjectionCommitments(ObjectionService objections) {
        this.objections = objections;
    }

    @Override
    public String scope() {
        return Objection.SCOPE;
    }

    @Override
    public void authorise(Actor actor, String subject, String field) {
        objections.authoriseReader(actor, CommitmentAuthority.idOf("objection", subject));
    }
}
