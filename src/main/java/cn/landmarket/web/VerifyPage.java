package cn.landmarket.web;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.listing.ListingStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 验证: checks a receipt against the public audit log in the reader's browser. The server only
 * renders the form (pre-filled from {@code ?leaf=} or {@code ?index=}); {@code assets/verify.js}
 * fetches the entry, its inclusion proof, the signed checkpoint and the verifier key from the
 * public audit API and checks the hashes and the Ed25519 signature with WebCrypto, so that the
 * verdict does not rest on the server's word.
 */
@Path("/verify")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class VerifyPage {

    /** Longest pasted input the page takes back into its form (a receipt is well under 2 KB). */
    static final int MAX_INPUT = 20_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(Page page, Form form, List<ListingStatus> statuses, String zone);
    }

    /** What the form shows: the pasted text or leaf hash, the entry index, and whether to run at once. */
    public record Form(String leaf, String index, boolean indexInvalid) {

        static Form of(String leaf, String index) {
            String l = leaf == null || leaf.length() > MAX_INPUT ? "" : leaf.strip();
            String i = index == null ? "" : index.strip();
            boolean valid = i.matches("[0-9]{1,15}");
            return new Form(l, valid ? i : "", !i.isEmpty() && !valid);
        }

        /** Whether the page came with something to verify, so that its script runs straight away. */
        public boolean autorun() {
            return !leaf.isEmpty() || !index.isEmpty();
        }
    }

    @Inject
    Pages pages;

    @Inject
    MarketConfig market;

    @GET
    @Operation(hidden = true)
    public TemplateInstance verify(@QueryParam("leaf") String leaf, @QueryParam("index") String index) {
        Page p = pages.page();
        return Templates.verify(p, Form.of(leaf, index), List.of(ListingStatus.values()), market.zone().getId())
                .setLocale(p.locale());
    }
}
