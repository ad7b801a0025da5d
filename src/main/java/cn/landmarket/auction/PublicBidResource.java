package cn.landmarket.auction;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The bid history of announced listings for anyone, by bidder number only. */
@Path("/api/public/listings/{id}/bids")
@Tag(name = "Public")
@PermitAll
public class PublicBidResource {

    @Inject
    AuctionService auctions;

    @GET
    @Operation(summary = "Accepted bids of an announced listing, by bidder number only")
    public List<BidView> bids(@PathParam("id") long id) {
        return auctions.publicBids(id);
    }
}
