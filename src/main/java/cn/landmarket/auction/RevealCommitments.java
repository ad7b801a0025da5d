package cn.landmarket.auction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.Commitment;
import cn.landmarket.audit.CommitmentAuthority;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.Actor;
import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingRepository;
import cn.landmarket.party.DivisionCode;
import cn.landmarket.party.PartyService;

/**
 * Who may read the reason of an identity reveal ({@link IdentityReveal}): regulators registered for
 * a jurisdiction that covers the listing's region; nobody else (403), as only they may reveal.
 */
@ApplicationScoped
class RevealCommitments implements CommitmentAuthority {

    private final ListingRepository listings;
    private final PartyService parties;

    RevealCommitments(ListingRepository listings, PartyService parties) {
        this.listings = listings;
        this.parties = parties;
    }

    @Override
    public String scope() {
        return Commitment.REVEAL;
    }

    @Override
    @Transactional
    public void authorise(Actor actor, String subject, String field) {
        String jurisdiction = parties.regulatorOf(actor).code;
        Listing listing;
        try {
            listing = listings.findByIdOptional(Long.parseLong(subject))
                    .orElseThrow(() -> ApiException.notFound("listing", subject));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("listing", subject);
        }
        if (!DivisionCode.covers(jurisdiction, listing.regionCode)) {
            throw ApiException.forbidden("forbidden.outside-jurisdiction");
        }
    }
}
