package cn.landmarket.oversight;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import cn.landmarket.asset.AssetType;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.party.ValidDivisionCode;
import cn.landmarket.party.ValidDivisionCode.Kind;

/**
 * Which listings an oversight query looks at, always within the regulator's jurisdiction: asset
 * type, region prefix, selling township, and the days (in the market's zone) on which they closed.
 */
public class Scope {

    @QueryParam("assetType")
    AssetType assetType;

    @QueryParam("region")
    @ValidDivisionCode(Kind.REGION_PREFIX)
    @Parameter(description = "Region prefix: 2, 4, 6 or 9 digits")
    String region;

    @QueryParam("township")
    @ValidDivisionCode(Kind.TOWNSHIP)
    @Parameter(description = "The selling township's 9-digit division code")
    String township;

    @QueryParam("closedFrom")
    @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    @Parameter(description = "First day of the close, inclusive (yyyy-MM-dd, market time zone)")
    String closedFrom;

    @QueryParam("closedTo")
    @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    @Parameter(description = "Last day of the close, inclusive (yyyy-MM-dd, market time zone)")
    String closedTo;

    public Scope() {
    }

    public Scope(AssetType assetType, String region, String township, String closedFrom, String closedTo) {
        this.assetType = assetType;
        this.region = region;
        this.township = township;
        this.closedFrom = closedFrom;
        this.closedTo = closedTo;
    }

    /** Closed at or after the start of the first day; null when open. Raises 400 for an impossible date. */
    Instant closedFromInstant(ZoneId zone) {
        return closedFrom == null ? null : day("closedFrom", closedFrom).atStartOfDay(zone).toInstant();
    }

    /** Closed before the start of the day after the last day; null when open. Raises 400 for an impossible date or a range that ends before it starts. */
    Instant closedBeforeInstant(ZoneId zone) {
        if (closedTo == null) {
            return null;
        }
        LocalDate to = day("closedTo", closedTo);
        if (closedFrom != null && to.isBefore(day("closedFrom", closedFrom))) {
            throw ApiException.invalid("closedTo", MessageKey.OVERSIGHT_RANGE_REVERSED, closedFrom, closedTo);
        }
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw ApiException.invalid(field, MessageKey.OVERSIGHT_BAD_DATE, text);
        }
    }
}
