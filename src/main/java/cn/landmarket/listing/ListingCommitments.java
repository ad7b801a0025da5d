package cn.landmarket.listing;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.audit.Commitment;
import cn.landmarket.audit.CommitmentAuthority;
import cn.landmarket.common.security.Actor;

/**
 * Who may open what a listing's log entries commit to before its announcement (draft and edited
 * terms, a rejection or suspension reason): whoever the API shows the unannounced listing to.
 */
@ApplicationScoped
class ListingCommitments implements CommitmentAuthority {

    private final ListingService listings;

    ListingCommitments(ListingService listings) {
        this.listings = listings;
    }

    @Override
    public String scope() {
        return Commitment.LISTING;
    }

    @Override
    public void authorise(Actor actor, String subject, String field) {
        listings.authoriseUnpublishedFacts(actor, CommitmentAuthority.idOf("listing", subject));
    }
}
