package cn.landmarket.web;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.auction.AuctionService;
import cn.landmarket.auction.AuctionState;
import cn.landmarket.auction.BidOutcome;
import cn.landmarket.auction.BidView;
import cn.landmarket.auction.LiveEvent;
import cn.landmarket.auction.PlaceBidRequest;
import cn.landmarket.auction.RegistrationService;
import cn.landmarket.common.ChineseNumerals;
import cn.landmarket.common.ClientAddress;
import cn.landmarket.common.InvalidMoneyException;
import cn.landmarket.common.Money;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.ListingView;
import cn.landmarket.listing.SaleFormat;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * 竞价室: the live bidding room of one listing. For everyone: the current price, the leading bidder
 * number, the phase and a countdown to the server's deadline, the bid history as a table and a chart,
 * all first rendered here from the same services as {@code GET /api/listings/{id}/live} (its snapshot)
 * and {@code GET /api/public/listings/{id}/bids}, then kept up to date by {@code assets/room.js} from the
 * live feed. For a qualified enterprise: a bid form that places its bids through the same service as
 * {@code POST /api/listings/{id}/bids}, with an idempotency key minted when the form is rendered, the
 * amount in capital numerals (大写) shown before it is confirmed, and the receipt afterwards. Bidders
 * appear by bidder number only; the reserve price is never shown here.
 */
@Path("/listings/{id}/room")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RoomPage {

    /** How many of the latest bids the table and the chart show. */
    static final int HISTORY = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance room(Page page, Room room, List<ListingStatus> statuses, String zone);
    }

    /** Everything the room shows. */
    public record Room(ListingView listing, LiveEvent snapshot, List<BidView> bids, long bidCount, String serverTime,
            Countdown countdown, Bidder bidder, BidView receipt) {

        public ListingStatus status() {
            return ListingStatus.valueOf(snapshot.status());
        }

        /** The current price (the highest accepted bid), or null before the first bid. */
        public String price() {
            return snapshot.currentPrice() == null ? null : Formats.yuanOfFen(Money.ofYuan(snapshot.currentPrice()).fen());
        }

        public boolean biddingOpen() {
            return status() == ListingStatus.LISTING || status() == ListingStatus.TIMED_BIDDING;
        }

        /**
         * Whether bidding may still open while the page is watched (announced, or suspended before or
         * during bidding): the page then carries the bid form for its script to show when the feed says so.
         */
        public boolean opensLater() {
            return status() == ListingStatus.ANNOUNCED || status() == ListingStatus.SUSPENDED;
        }

        public String deadline() {
            return snapshot.deadline() == null ? "" : snapshot.deadline();
        }

        /** A path of this room. */
        public String path() {
            return "/listings/" + listing.id() + "/room";
        }

        public boolean moreBids() {
            return bidCount > bids.size();
        }
    }


    /**
     * The reader as a bidder, and its bid form: the amount (pre-filled with the lowest acceptable one),
     * the idempotency key of this attempt, whether the amount is awaiting confirmation, and why the last
     * attempt was refused.
     */
    public record Bidder(Standing standing, String bidderNo, String amount, String key, boolean confirming,
            String capitals, String minimum, long minimumFen, long incrementFen, Long capFen, String increment,
            String refusal, boolean amountInvalid) {

        public boolean qualified() {
            return standing == Standing.QUALIFIED;
        }

        /** The amount to confirm, as ¥ with separators. */
        public String amountYuan() {
            return amount == null || amountInvalid ? "" : Formats.yuanOfFen(Money.ofYuan(amount).fen());
        }

        public boolean capReached() {
            return capFen != null && minimumFen > capFen;
        }
    }

    @Inject
    Pages pages;

    @Inject
    AuctionService auctions;

    @Inject
    ListingService listings;

    @Inject
    RegistrationService registrations;

    @Inject
    MarketConfig market;

    @GET
    @Operation(hidden = true)
    public Response room(@PathParam("id") long id, @QueryParam("placed") String placed) {
        ListingView shown = listings.publicGet(id);
        if (shown.saleFormat() == SaleFormat.SEALED_QUOTATION) {
            // A sealed listing has no bidding room: its quotations have their own page.
            return Response.seeOther(URI.create("/listings/" + id + "/quotation")).build();
        }
        if (LotteryPage.inRound(shown) && placed == null) {
            // The bidding stopped at the cap: the lottery round has its own page until the draw (a bid's
            // receipt, which this room shows after the bid, stays here, with a link to that page).
            return Response.seeOther(URI.create("/listings/" + id + "/lottery")).build();
        }
        Page p = pages.page();
        Optional<Actor> enterprise = enterprise(p);
        BidView receipt = enterprise.isPresent() && placed != null && placed.matches("[1-9][0-9]{0,8}")
                ? receipt(enterprise.get(), id, Integer.parseInt(placed)) : null;
        return Response.ok(render(p, id, null, false, null, null, receipt)).build();
    }

    /**
     * A bid from the form. The first post ({@code step} {@code review}, or {@code raise} to add one
     * increment) shows the amount in capital numerals to confirm; the confirmation ({@code confirm})
     * places the bid under the form's idempotency key, so that a second click or a resent form places
     * nothing more, and sends the browser to the room with the receipt.
     */
    @POST
    @Path("/bids")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response bid(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("amount") String amount, @FormParam("idempotencyKey") String key,
            @FormParam("step") String step, @Context HttpServerRequest http) {
        pages.checkForm(csrf);
        Page p = pages.page();
        Actor actor = p.viewer().orElseThrow(() -> new SignInRequired("/listings/" + id + "/room"));
        if (!actor.is(Role.ENTERPRISE)) {
            ApiException forbidden = ApiException.forbidden(MessageKey.BID_NOT_QUALIFIED);
            return refused(p, id, forbidden, amount);
        }
        Money money;
        try {
            money = Money.ofYuan(normalise(amount));
        } catch (InvalidMoneyException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(p, id, amount, false, key, null, null)).build();
        }
        if ("raise".equals(step)) {
            ListingView listing = listings.publicGet(id);
            money = money.plus(listing.increment());
        }
        if (!"confirm".equals(step)) {
            return Response.ok(render(p, id, money.toYuan(), true, key, null, null)).build();
        }
        BidOutcome outcome;
        try {
            outcome = auctions.place(actor, id, new PlaceBidRequest(money), key, ClientAddress.of(http))
                    .toCompletableFuture().join();
        } catch (ApiException e) {
            return refused(p, id, e, money.toYuan());
        } catch (CompletionException e) {
            if (e.getCause() instanceof ApiException refusal) {
                return refused(p, id, refusal, money.toYuan());
            }
            throw e;
        }
        if (outcome instanceof BidOutcome.Refused refused) {
            return refused(p, id, refused.problem(), money.toYuan());
        }
        int sequence = ((BidOutcome.Placed) outcome).receipt().sequence();
        return Response.seeOther(URI.create("/listings/" + id + "/room?placed=" + sequence + "#receipt")).build();
    }

    /** The room again with why the bid was refused, in the reader's language, and the API's status for it. */
    private Response refused(Page p, long id, ApiException e, String amount) {
        String why = Localizer.render(e.detail(), p.locale());
        Object minimum = e.extensions().get("minimumAmount");
        String retry = minimum instanceof String m ? m : amount;
        Response.ResponseBuilder answer = Response.status(e.code().status())
                .entity(render(p, id, retry, false, null, why, null));
        if (e.extensions().get("retryAfterSeconds") instanceof Number wait) {
            answer.header("Retry-After", wait.longValue());
        }
        return answer.build();
    }

    /** What a person types: spaces, thousands separators and a ¥ sign are left out before the strict parse. */
    static String normalise(String amount) {
        return amount == null ? null : amount.strip().replaceAll("[\\s,，¥￥]", "");
    }

    private Optional<Actor> enterprise(Page p) {
        return p.viewer().filter(a -> a.is(Role.ENTERPRISE));
    }

    private TemplateInstance render(Page p, long id, String amount, boolean confirming, String key, String refusal,
            BidView receipt) {
        ListingView listing = listings.publicGet(id);
        LiveEvent snapshot = auctions.snapshot(id);
        Optional<Actor> enterprise = enterprise(p);
        PageView<BidView> first = bids(enterprise, id, 0);
        List<BidView> latest = latest(enterprise, id, first);
        Bidder bidder = bidder(p, enterprise, listing, amount, confirming, key, refusal);
        Room room = new Room(listing, snapshot, latest, first.total(), snapshot.at(),
                Countdown.of(snapshot), bidder, receipt);
        return Templates.room(p, room, List.of(ListingStatus.values()), market.zone().getId()).setLocale(p.locale());
    }

    private PageView<BidView> bids(Optional<Actor> enterprise, long id, int page) {
        PageRequest request = new PageRequest(page, HISTORY);
        return enterprise.isPresent() ? auctions.bids(enterprise.get(), id, null, request)
                : auctions.publicBids(id, request);
    }

    /** The latest {@link #HISTORY} bids, newest first. */
    private List<BidView> latest(Optional<Actor> enterprise, long id, PageView<BidView> first) {
        List<BidView> rows;
        if (first.total() <= HISTORY) {
            rows = new ArrayList<>(first.items());
        } else {
            int last = (int) ((first.total() - 1) / HISTORY);
            rows = new ArrayList<>(bids(enterprise, id, last - 1).items());
            rows.addAll(bids(enterprise, id, last).items());
            rows = new ArrayList<>(rows.subList(Math.max(0, rows.size() - HISTORY), rows.size()));
        }
        Collections.reverse(rows);
        return rows;
    }

    /** The reader's own accepted bid with this sequence number, for its receipt; null if it is not the reader's. */
    private BidView receipt(Actor enterprise, long id, int sequence) {
        return auctions.bids(enterprise, id, null, new PageRequest(sequence - 1, 1)).items().stream()
                .filter(b -> b.sequence() == sequence && Boolean.TRUE.equals(b.mine())).findFirst().orElse(null);
    }

    private Bidder bidder(Page p, Optional<Actor> enterprise, ListingView listing, String amount, boolean confirming,
            String key, String refusal) {
        Long capFen = listing.priceCap() == null ? null : listing.priceCap().fen();
        long minimumFen = new AuctionState(listing.status(), null, null, Duration.ZERO, listing.startPrice().fen(),
                listing.increment().fen(), capFen, listing.highestBid() == null ? null : listing.highestBid().fen(),
                listing.bidCount()).minimumNextFen();
        Standing.Bidder who = Standing.of(p.viewer(), listing.id(), registrations);
        String shown = amount == null ? Money.ofFen(minimumFen).toYuan() : amount;
        boolean invalid;
        String capitals;
        try {
            capitals = ChineseNumerals.ofFen(Money.ofYuan(normalise(shown)).fen());
            invalid = false;
        } catch (IllegalArgumentException e) {
            capitals = "";
            invalid = true;
        }
        String attempt = confirming && key != null && key.matches("[A-Za-z0-9_:.-]{1,100}") ? key
                : UUID.randomUUID().toString();
        return new Bidder(who.standing(), who.bidderNo(), shown, attempt, confirming && !invalid, capitals,
                Formats.yuanOfFen(minimumFen), minimumFen, listing.increment().fen(), capFen,
                Formats.yuanOfFen(listing.increment().fen()), refusal, invalid);
    }


    /** The time left until the snapshot's deadline (none without one), as days and hh:mm:ss, as the script writes it. */
    public record Countdown(boolean shown, long seconds, long days, String clock) {

        public String daysText() {
            return Long.toString(days);
        }

        static Countdown of(LiveEvent snapshot) {
            if (snapshot.deadline() == null || snapshot.at() == null) {
                return new Countdown(false, 0, 0, "");
            }
            long seconds = Math.max(0, Duration.between(OffsetDateTime.parse(snapshot.at()),
                    OffsetDateTime.parse(snapshot.deadline())).toSeconds());
            return new Countdown(true, seconds, seconds / 86_400,
                    "%02d:%02d:%02d".formatted(seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60));
        }
    }

}
