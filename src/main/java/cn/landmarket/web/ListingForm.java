package cn.landmarket.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.FormParam;

import cn.landmarket.common.Money;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.listing.CapAction;
import cn.landmarket.listing.ListingRequest;
import cn.landmarket.listing.ListingView;
import cn.landmarket.listing.PaymentTerms;
import cn.landmarket.listing.SaleFormat;

/**
 * The township's listing form as typed: every field a {@link ListingRequest} has, as text. Times are
 * {@code datetime-local} values read in the market's zone; regions are separated by commas or spaces.
 * {@link #parse} turns it into the request the API would receive, and reports what cannot be read as
 * the API reports an unreadable JSON value (the same messages, under the same field names).
 */
public class ListingForm {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @FormParam("certificateId")
    public String certificateId;
    @FormParam("title")
    public String title;
    @FormParam("description")
    public String description;
    @FormParam("lotAreaM2")
    public String lotAreaM2;
    @FormParam("lotPaddyAreaM2")
    public String lotPaddyAreaM2;
    @FormParam("lotGrainCapacityKg")
    public String lotGrainCapacityKg;
    @FormParam("termYears")
    public String termYears;
    @FormParam("startPrice")
    public String startPrice;
    @FormParam("increment")
    public String increment;
    @FormParam("deposit")
    public String deposit;
    @FormParam("priceCap")
    public String priceCap;
    @FormParam("reservePrice")
    public String reservePrice;
    @FormParam("announceAt")
    public String announceAt;
    @FormParam("registrationDeadline")
    public String registrationDeadline;
    @FormParam("listingStart")
    public String listingStart;
    @FormParam("listingEnd")
    public String listingEnd;
    @FormParam("countdownSeconds")
    public String countdownSeconds;
    @FormParam("eligibleRegions")
    public String eligibleRegions;
    @FormParam("paymentTerms.mode")
    public String paymentMode;
    @FormParam("paymentTerms.confirmWithinWorkingDays")
    public String confirmWithinWorkingDays;
    @FormParam("paymentTerms.firstSharePercent")
    public String firstSharePercent;
    @FormParam("paymentTerms.firstDueDays")
    public String firstDueDays;
    @FormParam("paymentTerms.balanceDueDays")
    public String balanceDueDays;
    @FormParam("saleFormat")
    public String saleFormat;
    @FormParam("capAction")
    public String capAction;
    /** The checkbox: "true" when ticked, absent (null) when not, as the API's absent field means false. */
    @FormParam("runnerUpAward")
    public String runnerUpAward;

    /** A form filled with a listing's terms (a draft's, to edit or to show). */
    static ListingForm of(ListingView l) {
        ListingForm f = new ListingForm();
        f.certificateId = String.valueOf(l.certificateId());
        f.title = l.title();
        f.description = l.description();
        f.lotAreaM2 = String.valueOf(l.lotArea().m2());
        f.lotPaddyAreaM2 = l.lotPaddyArea() == null ? "" : String.valueOf(l.lotPaddyArea().m2());
        f.lotGrainCapacityKg = text(l.lotGrainCapacityKg());
        f.termYears = text(l.termYears());
        f.startPrice = yuan(l.startPrice());
        f.increment = yuan(l.increment());
        f.deposit = yuan(l.deposit());
        f.priceCap = yuan(l.priceCap());
        f.reservePrice = yuan(l.reservePrice());
        f.announceAt = local(l.announceAt());
        f.registrationDeadline = local(l.registrationDeadline());
        f.listingStart = local(l.listingStart());
        f.listingEnd = local(l.listingEnd());
        f.countdownSeconds = String.valueOf(l.countdownSeconds());
        f.eligibleRegions = l.eligibleRegions() == null ? "" : String.join(", ", l.eligibleRegions());
        PaymentTerms p = l.paymentTerms();
        f.paymentMode = p.mode().name();
        f.confirmWithinWorkingDays = text(p.confirmWithinWorkingDays());
        f.firstSharePercent = text(p.firstSharePercent());
        f.firstDueDays = text(p.firstDueDays());
        f.balanceDueDays = text(p.balanceDueDays());
        f.saleFormat = l.saleFormat() == null ? "" : l.saleFormat().name();
        f.capAction = l.capAction() == null ? "" : l.capAction().name();
        f.runnerUpAward = l.runnerUpAward() ? "true" : null;
        return f;
    }

    static String local(OffsetDateTime t) {
        return t == null ? "" : LOCAL.format(t);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String yuan(Money m) {
        return m == null ? "" : m.toYuan();
    }

    /** The typed value of a field, by its API name (as the form names its inputs). */
    public String value(String name) {
        String v = switch (name) {
            case "certificateId" -> certificateId;
            case "title" -> title;
            case "description" -> description;
            case "lotAreaM2" -> lotAreaM2;
            case "lotPaddyAreaM2" -> lotPaddyAreaM2;
            case "lotGrainCapacityKg" -> lotGrainCapacityKg;
            case "termYears" -> termYears;
            case "startPrice" -> startPrice;
            case "increment" -> increment;
            case "deposit" -> deposit;
            case "priceCap" -> priceCap;
            case "reservePrice" -> reservePrice;
            case "announceAt" -> announceAt;
            case "registrationDeadline" -> registrationDeadline;
            case "listingStart" -> listingStart;
            case "listingEnd" -> listingEnd;
            case "countdownSeconds" -> countdownSeconds;
            case "eligibleRegions" -> eligibleRegions;
            case "paymentTerms.mode" -> paymentMode;
            case "paymentTerms.confirmWithinWorkingDays" -> confirmWithinWorkingDays;
            case "paymentTerms.firstSharePercent" -> firstSharePercent;
            case "paymentTerms.firstDueDays" -> firstDueDays;
            case "paymentTerms.balanceDueDays" -> balanceDueDays;
            case "saleFormat" -> saleFormat;
            case "capAction" -> capAction;
            case "runnerUpAward" -> runnerUpAward;
            default -> null;
        };
        return v == null ? "" : v;
    }

    /** Whether the runner-up award is ticked. */
    public boolean awardsRunnerUp() {
        return "true".equals(runnerUpAward) || "on".equals(runnerUpAward);
    }

    public boolean instalments() {
        return "INSTALMENTS".equals(paymentMode);
    }

    /** The request read from the form, or the fields that cannot be read (in the reader's language). */
    record Parsed(ListingRequest request, List<Refusal.Field> unreadable) {
    }

    Parsed parse(ZoneId zone, Locale locale) {
        Reader r = new Reader(zone, locale);
        Long certificate = r.integer("certificateId", certificateId);
        Long area = r.integer("lotAreaM2", lotAreaM2);
        Long paddy = r.integer("lotPaddyAreaM2", lotPaddyAreaM2);
        Long grain = r.integer("lotGrainCapacityKg", lotGrainCapacityKg);
        Long term = r.integer("termYears", termYears);
        Money start = r.money("startPrice", startPrice);
        Money step = r.money("increment", increment);
        Money dep = r.money("deposit", deposit);
        Money cap = r.money("priceCap", priceCap);
        Money reserve = r.money("reservePrice", reservePrice);
        OffsetDateTime announce = r.time("announceAt", announceAt);
        OffsetDateTime registration = r.time("registrationDeadline", registrationDeadline);
        OffsetDateTime begin = r.time("listingStart", listingStart);
        OffsetDateTime end = r.time("listingEnd", listingEnd);
        Long countdown = r.integer("countdownSeconds", countdownSeconds);
        Long confirm = r.integer("paymentTerms.confirmWithinWorkingDays", confirmWithinWorkingDays);
        Long share = r.integer("paymentTerms.firstSharePercent", firstSharePercent);
        Long first = r.integer("paymentTerms.firstDueDays", firstDueDays);
        Long balance = r.integer("paymentTerms.balanceDueDays", balanceDueDays);
        PaymentTerms.Mode mode = null;
        if (blank(paymentMode)) {
            mode = null;
        } else {
            try {
                mode = PaymentTerms.Mode.valueOf(paymentMode.strip());
            } catch (IllegalArgumentException e) {
                r.invalid("paymentTerms.mode");
            }
        }
        SaleFormat format = null;
        if (!blank(saleFormat)) {
            try {
                format = SaleFormat.valueOf(saleFormat.strip());
            } catch (IllegalArgumentException e) {
                r.invalid("saleFormat");
            }
        }
        CapAction action = null;
        if (!blank(capAction)) {
            try {
                action = CapAction.valueOf(capAction.strip());
            } catch (IllegalArgumentException e) {
                r.invalid("capAction");
            }
        }
        Boolean runnerUp = null;
        if (!blank(runnerUpAward)) {
            if (awardsRunnerUp()) {
                runnerUp = Boolean.TRUE;
            } else if ("false".equals(runnerUpAward)) {
                runnerUp = Boolean.FALSE;
            } else {
                r.invalid("runnerUpAward");
            }
        }
        List<String> regions = blank(eligibleRegions) ? null
                : Arrays.stream(eligibleRegions.split("[,，、\\s]+")).filter(s -> !s.isEmpty()).toList();
        PaymentTerms terms = new PaymentTerms(mode, r.small(confirm), r.small(share), r.small(first), r.small(balance));
        ListingRequest request = new ListingRequest(certificate, blank(title) ? null : title,
                blank(description) ? null : description, area, paddy, grain, r.small(term), start, step, dep, cap,
                reserve, announce, registration, begin, end, r.small(countdown), regions, terms, format, action, runnerUp);
        return new Parsed(request, r.unreadable);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Reads the typed values, noting each one that cannot be read. */
    private static final class Reader {
        private final ZoneId zone;
        private final Locale locale;
        final List<Refusal.Field> unreadable = new ArrayList<>();

        Reader(ZoneId zone, Locale locale) {
            this.zone = zone;
            this.locale = locale;
        }

        Long integer(String field, String value) {
            if (blank(value)) {
                return null;
            }
            try {
                return Long.parseLong(value.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                unreadable.add(new Refusal.Field(field, Localizer.render(MessageKey.JSON_WRONG_TYPE, locale, "integer")));
                return null;
            }
        }

        /** An integer the request holds as an Integer; one beyond its range is unreadable, as in JSON. */
        Integer small(Long value) {
            if (value == null) {
                return null;
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
            return value.intValue();
        }

        Money money(String field, String value) {
            if (blank(value)) {
                return null;
            }
            try {
                return Money.ofYuan(value.strip().replace(",", "").replace("¥", ""));
            } catch (IllegalArgumentException e) {
                unreadable.add(new Refusal.Field(field, Localizer.render(MessageKey.JSON_MONEY, locale)));
                return null;
            }
        }

        OffsetDateTime time(String field, String value) {
            if (blank(value)) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.strip()).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                invalid(field);
                return null;
            }
        }

        void invalid(String field) {
            unreadable.add(new Refusal.Field(field, Localizer.render(MessageKey.JSON_INVALID_VALUE, locale)));
        }
    }
}
