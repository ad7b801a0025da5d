package cn.landmarket.auction;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;

/** The bid history of announced listings for anyone, by bidder number only. */
@Path("/api/public/listings/{id}/bids")
@Tag(name = "Public")
@PermitAll
public class PublicBidResource {

    @Inject
    AuctionService auctions;

    @GET
    @Operation(summary = "Accepted bids of an announced listing, by bidder number only",
            description = "In sequence order, paged (page from 0, size 1 to 100, default 20; 400 beyond); total counts"
                    + " every accepted bid of the listing.")
    public PageView<BidView> bids(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return auctions.publicBids(id, page);
    }
}
