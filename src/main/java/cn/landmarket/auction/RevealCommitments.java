package cn.landmarket.auction;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.audit.Commitment;
import cn.landmarket.audit.CommitmentAuthority;
import cn.landmarket.common.security.Actor;
import cn.landmarket.listing.ListingService;

/**
 * Who may read the reason of an identity reveal ({@link IdentityReveal}): regulators registered for
 * a jurisdiction that covers the listing's region; nobody else (403), as only they may reveal.
 */
@ApplicationScoped
class RevealCommitments implements CommitmentAuthority {

    private final ListingService listings;

    RevealCommitments(ListingService listings) {
        this.listings = listings;
    }

    @Override
    public String scope() {
        return Commitment.REVEAL;
    }

    @Override
    public void authorise(Actor actor, String subject, String field) {
        listings.authoriseRegulatorOf(actor, CommitmentAuthority.idOf("listing", subject));
    }
}
