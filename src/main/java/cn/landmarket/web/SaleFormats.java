package cn.landmarket.web;

import cn.landmarket.listing.ListingView;
import cn.landmarket.listing.SaleFormat;
import io.quarkus.qute.TemplateExtension;

/** How pages tell the sale formats apart ({@code {l.sealed}}; domain.md, "Sale formats"). */
@TemplateExtension
public final class SaleFormats {

    private SaleFormats() {
    }

    /** Whether the listing is sold by sealed one-time quotation. */
    public static boolean sealed(ListingView listing) {
        return listing.saleFormat() == SaleFormat.SEALED_QUOTATION;
    }
}
