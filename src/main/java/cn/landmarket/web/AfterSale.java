package cn.landmarket.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.security.Actor;
import cn.landmarket.oversight.ObjectionService;
import cn.landmarket.oversight.ObjectionView;
import cn.landmarket.settlement.RunnerUpView;
import cn.landmarket.settlement.TradeQueryService;

/**
 * What happened to a listing after its sale, as the caller may see it: its runner-up (null when it
 * has none) as {@code GET /api/listings/{id}/runner-up}, and the objections to its result as
 * {@code GET /api/listings/{id}/objections} (the seller township sees their outcomes only).
 */
public record AfterSale(RunnerUpView runnerUp, List<ObjectionView> objections) {

    /** Reads a listing's after-sale facts with the services the API uses for the same caller. */
    @ApplicationScoped
    public static class Reader {

        private final TradeQueryService trades;
        private final ObjectionService objections;

        Reader(TradeQueryService trades, ObjectionService objections) {
            this.trades = trades;
            this.objections = objections;
        }

        public AfterSale of(Actor actor, long listingId) {
            return new AfterSale(runnerUp(actor, listingId), objections(actor, listingId));
        }

        /** The objections to the listing's result; none for a listing never announced (404 from the service). */
        public List<ObjectionView> objections(Actor actor, long listingId) {
            try {
                return objections.ofListing(actor, listingId);
            } catch (ApiException notAnnounced) {
                if (notAnnounced.code() != ErrorCode.NOT_FOUND) {
                    throw notAnnounced;
                }
                return List.of();
            }
        }

        /** The listing's runner-up, or null when it has none (404 from the service). */
        public RunnerUpView runnerUp(Actor actor, long listingId) {
            try {
                return trades.runnerUp(actor, listingId);
            } catch (ApiException none) {
                if (none.code() != ErrorCode.NOT_FOUND) {
                    throw none;
                }
                return null;
            }
        }
    }
}
