package cn.landmarket.audit;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.PageRequest;

/** The tamper-evident audit log for anyone: signed checkpoints, entries and Merkle proofs. */
@Path("/api/audit")
@Tag(name = "Audit")
@PermitAll
public class AuditResource {

    @Inject
    AuditService service;

    @Inject
    CommitmentService commitments;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The latest checkpoint as a C2SP signed note (tlog-checkpoint)")
    public String checkpoint() {
        return service.latestCheckpoint();
    }

    @GET
    @Path("/checkpoints")
    @Operation(summary = "Signed checkpoints with a tree size above 'after', smallest first")
    public List<CheckpointView> checkpoints(@QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return service.checkpoints(after, limit);
    }

    @GET
    @Path("/key")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The checkpoint signing key as a C2SP verifier key (name+id+key)")
    public String key() {
        return service.verifierKey();
    }

    @GET
    @Path("/entries")
    @Operation(summary = "Entries from index 'start' on, with their exact bytes and leaf hashes")
    public List<EntryView> entries(@QueryParam("start") Long start, @QueryParam("limit") Integer limit) {
        return service.entries(start, limit);
    }

    @GET
    @Path("/entries/{idx}")
    @Operation(summary = "One entry with its inclusion proof in the tree of 'treeSize' (default: latest)")
    public InclusionView entry(@PathParam("idx") long idx, @QueryParam("treeSize") Long treeSize) {
        return service.entry(idx, treeSize);
    }

    @GET
    @Path("/proof-by-hash")
    @Operation(summary = "The entry with a leaf hash (hex or base64) and its inclusion proof (RFC 6962 get-proof-by-hash)",
            description = "Bid receipts carry the leaf hash of their log entry. The entry is found about a second after "
                    + "its change committed, once the sequencer has added it to the tree; until then the answer is 404.")
    public InclusionView proofByHash(@QueryParam("hash") String hash, @QueryParam("treeSize") Long treeSize) {
        return service.proofByHash(hash, treeSize);
    }

    @GET
    @Path("/listings/{id}/entries")
    @Operation(summary = "A page of the entries about a listing, with inclusion proofs against one signed checkpoint",
            description = "In log order, paged (page from 0, size 1 to 100, default 20; 400 beyond); total counts"
                    + " the listing's entries in the checkpoint's tree. The proofs are against the latest checkpoint,"
                    + " or against the checkpoint of 'treeSize' (400 if there is none), so that every page can be"
                    + " read against the tree of the first.")
    public ListingEntriesView listingEntries(@PathParam("id") long listingId, @Valid @BeanParam PageRequest page,
            @QueryParam("treeSize") Long treeSize) {
        return service.listingEntries(listingId, page, treeSize);
    }

    @GET
    @Path("/consistency")
    @Operation(summary = "Consistency proof between the trees of sizes 'from' and 'to'")
    public ConsistencyView consistency(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        return service.consistency(from, to);
    }

    @GET
    @Path("/commitments/{commitment}")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Open a commitment of the log (salt in hex and value) for those who may read the fact",
            description = "A fact that is not public is logged as <field>Commitment = hex SHA-256(salt || UTF-8 value). "
                    + "Who may open it is decided by the feature that owns it (README, \"What is logged\"); 403 for "
                    + "anyone else, 404 for an unknown commitment.")
    public CommitmentOpening commitment(@PathParam("commitment") String commitment) {
        return commitments.open(actor.get(), commitment);
    }
}
