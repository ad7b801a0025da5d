package cn.landmarket.party;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.audit.Commitment;
import cn.landmarket.audit.CommitmentAuthority;
import cn.landmarket.common.security.Actor;

/**
 * Who may open what the log commits to about an enterprise (the reason of a rejected
 * registration): whoever the API shows the enterprise to.
 */
@ApplicationScoped
class EnterpriseCommitments implements CommitmentAuthority {

    private final PartyService parties;

    EnterpriseCommitments(PartyService parties) {
        this.parties = parties;
    }

    @Override
    public String scope() {
        return Commitment.ENTERPRISE;
    }

    @Override
    public void authorise(Actor actor, String subject, String field) {
        parties.enterprise(actor, subject);
    }
}
