package cn.landmarket.listing;

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

/** Announced and later listings for anyone, without a token. */
@Path("/api/public/listings")
@Tag(name = "Public")
@PermitAll
public class PublicListingResource {

    @Inject
    ListingService service;

    @GET
    @Operation(summary = "Search announced and later listings")
    public PageView<ListingView> search(@Valid @BeanParam ListingSearch search, @Valid @BeanParam PageRequest page) {
        return service.publicSearch(search, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One announced listing")
    public ListingView get(@PathParam("id") long id) {
        return service.publicGet(id);
    }
}
