package cn.landmarket.oversight;

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

/** Published results of closed listings, for anyone without a token. */
@Path("/api/public/results")
@Tag(name = "Public")
@PermitAll
public class PublicResultResource {

    private static final String PUBLICATION = " A result is published as soon as the listing closes (the rules allow"
            + " 10 working days): a sale names the buyer and the price, an unsold lot (流拍) neither. Each result says"
            + " where objections can be lodged and links to the audit log entry that recorded the close: its leaf"
            + " hash and /api/audit/proof-by-hash?hash=<hex>, which answers once the entry is in the tree (about a"
            + " second after the close). objectionPeriodEnds is the end of the publication period in which bidders"
            + " may object; objectionOutcomes counts the objections lodged, pending, upheld and rejected and says"
            + " whether one suspends settlement now, never their reasons nor who lodged them.";

    @Inject
    ResultService service;

    @GET
    @Operation(summary = "Results of closed listings, latest close first", description = PUBLICATION)
    public PageView<ResultView> results(@Valid @BeanParam PageRequest page) {
        return service.results(page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The result of one closed listing (404 until it closes)", description = PUBLICATION)
    public ResultView result(@PathParam("id") long listingId) {
        return service.result(listingId);
    }
}
