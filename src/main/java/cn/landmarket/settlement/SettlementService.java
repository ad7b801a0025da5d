package cn.landmarket.settlement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.asset.Certificate;
import cn.landmarket.asset.CertificateService;
import cn.landmarket.audit.AuditLog;
import cn.landmarket.auction.BidRepository;
import cn.landmarket.auction.QuotationValidity;
import cn.landmarket.auction.Registration;
import cn.landmarket.auction.RegistrationRepository;
import cn.landmarket.auction.SealedOpening;
import cn.landmarket.auction.SealedQuotation;
import cn.landmarket.auction.SealedQuotationRepository;
import cn.landmarket.calendar.CalendarService;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.ledger.LedgerCode;
import cn.landmarket.ledger.LedgerService;
import cn.landmarket.ledger.Phase;
import cn.landmarket.ledger.TransferKind;
import cn.landmarket.ledger.TransferRequest;
import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingRepository;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.PaymentTerms;
import cn.landmarket.party.Enterprise;
import cn.landmarket.party.EnterpriseRepository;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.party.PartyService;
import cn.landmarket.escrow.RefundService;
import cn.landmarket.escrow.RefundReason;
import cn.landmarket.escrow.CreditOutcome;
import cn.landmarket.escrow.CreditResult;
import cn.landmarket.escrow.EscrowConfig;
import cn.landmarket.escrow.RegistrationStatus;
import cn.landmarket.escrow.VirtualAccount;

/**
 * After the sale (domain.md): a trade per sold listing, the confirmation both parties sign, payments
 * from the bank feed, the transfer of the lot on full payment, refunds of the losers' deposits and
 * defaults; with a runner-up award, the runner-up's deposit held while the winner's trade is open and
 * the lot offered to the runner-up when the winner defaults. Every movement of money or quantity is a
 * ledger transfer whose id makes it happen once.
 */
@ApplicationScoped
public class SettlementService {

    static final String SYSTEM = "system:settlement";

    private final TradeRepository trades;
    private final ListingRepository listings;
    private final RegistrationRepository registrations;
    private final BidRepository bids;
    private final EnterpriseRepository enterprises;
    private final CertificateService certificates;
    private final RefundService refunds;
    private final LedgerService ledger;
    private final CalendarService calendar;
    private final SettlementConfig config;
    private final VirtualAccount accounts;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;
    private final PartyService parties;
    private final RunnerUpRepository runnerUps;
    private final SealedQuotationRepository quotations;

    SettlementService(TradeRepository trades, ListingRepository listings, RegistrationRepository registrations,
            BidRepository bids, EnterpriseRepository enterprises, CertificateService certificates,
            RefundService refunds, LedgerService ledger, CalendarService calendar, SettlementConfig config,
            EscrowConfig bank, MarketConfig market, Clock clock, AuditLog audit, PartyService parties,
            RunnerUpRepository runnerUps, SealedQuotationRepository quotations) {
        this.trades = trades;
        this.runnerUps = runnerUps;
        this.quotations = quotations;
        this.parties = parties;
        this.audit = audit;
        this.listings = listings;
        this.registrations = registrations;
        this.bids = bids;
        this.enterprises = enterprises;
        this.certificates = certificates;
        this.refunds = refunds;
        this.ledger = ledger;
        this.calendar = calendar;
        this.config = config;
        this.accounts = new VirtualAccount(bank.virtualAccountPrefix());
        this.zone = market.zone();
        this.clock = clock;
    }

    @Transactional
    public List<Long> soldWithoutTrade() {
        return trades.soldWithoutTrade();
    }

    @Transactional
    public List<Long> depositsToRelease() {
        return trades.depositsToRelease();
    }

    /**
     * Stops looking at the deposits that hold nothing available (owed back, forfeited, or reserved
     * against a trade's price), unless money reached one since it was read; a later credit or a
     * cancelled reservation brings it back (V25's trigger). Returns how many it stopped looking at.
     */
    @Transactional
    public int forgetEmptyDeposits() {
        return trades.forget(trades.emptyDeposits());
    }

    @Transactional
    public List<Long> pastDeadline() {
        return trades.pastDeadline(Instant.now(clock));
    }

    /**
     * Opens the trade of a SOLD listing exactly once (under the listing's lock; one winner's trade per
     * listing): the winning registration's enterprise buys the lot at the highest bid, the deposit it
     * holds is reserved against the price by a pending transfer, and the confirmation is due within
     * the listing's confirmWithinWorkingDays. With a runner-up award the runner-up is chosen now
     * ({@link RunnerUpRule}) and its deposit held ({@code runner_up.held}, or {@code runner_up.none}
     * when nobody qualifies).
     *
     * @return the trade, or empty when the listing is not SOLD
     */
    @Transactional
    public Optional<TradeView> openTrade(long listingId) {
        Listing listing = listings.lock(listingId).orElseThrow();
        Optional<Trade> existing = trades.ofListing(listingId);
        if (existing.isPresent()) {
            return Optional.of(TradeView.of(existing.get(), zone));
        }
        if (listing.status != ListingStatus.SOLD || listing.winningBidId == null) {
            return Optional.empty();
        }
        BidRepository.Row winningBid = bids.highest(listingId).orElseThrow();
        Registration winner = registrations.of(listingId, winningBid.enterpriseCode()).orElseThrow();
        Instant now = Instant.now(clock);
        LocalDate closed = (listing.closedAt == null ? now : listing.closedAt).atZone(zone).toLocalDate();
        Trade t = newTrade(listing, winner, listing.highestBidFen, closed, null, now);
        if (listing.runnerUpAward) {
            holdRunnerUp(listing, t, winningBid.bidderNo(), now);
        }
        return Optional.of(TradeView.of(t, zone));
    }

    /**
     * Opens a trade of the listing's lot for a registration at a price: the deposit it holds is
     * reserved against the price, the confirmation is due within the listing's
     * confirmWithinWorkingDays after {@code from}, and {@code trade.created} is logged.
     */
    private Trade newTrade(Listing listing, Registration buyer, long priceFen, LocalDate from, Long runnerUpOf,
            Instant now) {
        Trade t = new Trade();
        t.id = trades.nextId();
        t.listingId = listing.id;
        t.registrationId = buyer.id;
        t.sellerCode = listing.sellerCode;
        t.buyerCode = buyer.enterpriseCode;
        t.certificateId = listing.certificateId;
        t.lotAreaM2 = listing.lotAreaM2;
        t.lotPaddyAreaM2 = listing.lotPaddyAreaM2;
        t.lotGrainCapacityKg = listing.lotGrainCapacityKg;
        t.priceFen = priceFen;
        t.depositFen = Math.min(t.priceFen, Math.max(0, ledger.available(LedgerService.deposit(buyer.id))));
        t.virtualAccount = accounts.forTrade(t.id);
        t.runnerUpOf = runnerUpOf;
        PaymentTerms terms = listing.paymentTerms;
        t.confirmDeadline = calendar.calendar().endOfWorkingDayAfter(from, terms.confirmWithinWorkingDays(), zone);
        t.status = TradeStatus.AWAITING_CONFIRMATION;
        t.createdAt = now;
        Certificate cert = certificates.require(listing.certificateId);
        t.confirmationText = ConfirmationText.of(t, listing.listingNo, cert.certNo, terms.toString());
        t.confirmationSha256 = ConfirmationText.sha256(t.confirmationText);
        trades.persist(t);
        trades.flush();
        audit.append(t.createdEntry(SYSTEM));
        if (t.depositFen > 0) {
            ledger.transfer(depositApplied(t, Phase.PENDING), t.listingId);
        }
        return t;
    }

    /** The runner-up of a listing as {@link RunnerUpRule} chooses it, its registration, and the facts that publish it. */
    private record Standing(RunnerUpRule.Choice choice, Long registrationId, Map<String, Object> facts) {
    }

    /**
     * Chooses the runner-up from the sale's valid prices: every bidder's best accepted bid, or a
     * sealed listing's VALID quotations (domain.md, "Sale formats"); a bidder is not eligible while
     * its enterprise is barred or no longer verified, or once its registration no longer holds its
     * full deposit ({@link RunnerUpRule.Ineligible}, logged with each candidate).
     */
    private Standing standing(Listing listing, String winnerBidderNo, long winnerTradeId, Instant now) {
        List<RunnerUpRule.Price> prices = new ArrayList<>();
        Map<String, Long> registrationOf = new HashMap<>();
        if (listing.isSealed()) {
            for (SealedQuotation q : quotations.ofListing(listing.id)) {
                if (SealedOpening.validity(q.amountFen, listing.startPriceFen) == QuotationValidity.VALID) {
                    prices.add(new RunnerUpRule.Price(q.seq, q.bidderNo, q.amountFen));
                    registrationOf.put(q.bidderNo, q.registrationId);
                }
            }
        } else {
            for (RunnerUpRepository.BestBid b : runnerUps.bestBids(listing.id)) {
                prices.add(new RunnerUpRule.Price(b.seq(), b.bidderNo(), b.amountFen()));
                registrationOf.put(b.bidderNo(), b.registrationId());
            }
        }
        Map<String, RunnerUpRule.Ineligible> ineligible = new HashMap<>();
        registrationOf.forEach((bidderNo, registrationId) -> {
            if (!bidderNo.equals(winnerBidderNo)) {
                RunnerUpRule.Ineligible why = ineligible(registrations.findById(registrationId), now);
                if (why != null) {
                    ineligible.put(bidderNo, why);
                }
            }
        });
        RunnerUpRule.Choice choice = RunnerUpRule.choose(prices, winnerBidderNo, listing.reservePriceFen, ineligible);
        Long registrationId = choice.runnerUp().map(p -> registrationOf.get(p.bidderNo())).orElse(null);
        return new Standing(choice, registrationId, RunnerUp.choiceFacts(listing.id, listing.saleFormat.name(),
                listing.startPriceFen, listing.reservePriceFen, winnerBidderNo, winnerTradeId, choice,
                registrationId));
    }

    /** Why a registration may not be offered the lot now, or null when it may. */
    private RunnerUpRule.Ineligible ineligible(Registration r, Instant now) {
        Enterprise e = enterprises.findById(r.enterpriseCode);
        if (e.barredUntil != null && e.barredUntil.isAfter(now)) {
            return RunnerUpRule.Ineligible.BARRED;
        }
        if (e.status != EnterpriseStatus.VERIFIED) {
            return RunnerUpRule.Ineligible.NOT_VERIFIED;
        }
        if (r.status != RegistrationStatus.QUALIFIED
                || ledger.available(LedgerService.deposit(r.id)) < r.depositFen) {
            return RunnerUpRule.Ineligible.DEPOSIT_NOT_HELD;
        }
        return null;
    }

    /** Chooses the runner-up when the winner's trade opens and holds its deposit; logs the choice either way. */
    private void holdRunnerUp(Listing listing, Trade winner, String winnerBidderNo, Instant now) {
        Standing standing = standing(listing, winnerBidderNo, winner.id, now);
        standing.choice().runnerUp().ifPresent(p -> {
            RunnerUp u = new RunnerUp();
            u.listingId = listing.id;
            u.registrationId = standing.registrationId();
            u.bidderNo = p.bidderNo();
            u.seq = p.sequence();
            u.priceFen = p.amountFen();
            u.winnerTradeId = winner.id;
            u.status = RunnerUpStatus.HELD;
            u.heldAt = now;
            runnerUps.persist(u);
        });
        audit.append(RunnerUp.choiceEntry(standing.facts(), now, SYSTEM));
    }

    /**
     * After the winner's default, chooses again with each bidder's eligibility now and offers the lot
     * to the runner-up so chosen (the held one, or the next eligible bidder when the held one is
     * barred, no longer verified or without its deposit): a new trade at that bidder's own price,
     * its deposit reserved against it, confirmation due within the listing's
     * confirmWithinWorkingDays from today; logged as {@code runner_up.offered} with why it was
     * chosen. When nobody is eligible any more the runner-up LAPSES ({@code runner_up.lapsed}).
     *
     * @return whether the lot was offered (false: the caller releases it)
     */
    private boolean offerToRunnerUp(Listing listing, Trade winner, RunnerUp u, Instant now) {
        Standing standing = standing(listing, bids.highest(listing.id).orElseThrow().bidderNo(), winner.id, now);
        String heldBidderNo = u.bidderNo;
        u.decidedAt = now;
        Optional<RunnerUpRule.Price> next = standing.choice().runnerUp();
        if (next.isEmpty()) {
            u.status = RunnerUpStatus.LAPSED;
            audit.append(u.lapsedEntry(standing.facts(), winner.statusReason, SYSTEM));
            return false;
        }
        RunnerUpRule.Price p = next.get();
        if (!p.bidderNo().equals(u.bidderNo)) { // the held one is no longer eligible: its deposit is owed back
            u.registrationId = standing.registrationId();
            u.bidderNo = p.bidderNo();
            u.seq = p.sequence();
            u.priceFen = p.amountFen();
        }
        Registration buyer = registrations.findById(u.registrationId);
        Trade offer = newTrade(listing, buyer, u.priceFen, now.atZone(zone).toLocalDate(), winner.id, now);
        u.status = RunnerUpStatus.OFFERED;
        u.tradeId = offer.id;
        audit.append(u.offeredEntry(standing.facts(), heldBidderNo, winner.statusReason, offer, SYSTEM));
        return true;
    }

    /** The runner-up of a listing as long as its offer is open or taken, for the trade that offers it. */
    private Optional<RunnerUp> runnerUpOf(Trade t) {
        return t.runnerUpOf == null ? Optional.empty() : runnerUps.ofTrade(t.id);
    }

    private static String depositPending(Trade t) {
        return "trade:" + t.id + ":deposit";
    }

    /**
     * The two-phase transfer of the winner's deposit to its trade: reserved (PENDING) when the trade
     * opens, then POSTED when it settles or VOIDED when it defaults, both naming the reservation.
     */
    static TransferRequest depositApplied(Trade t, Phase phase) {
        String id = switch (phase) {
            case PENDING -> depositPending(t);
            case POSTED -> depositPending(t) + ":post";
            case VOIDED -> depositPending(t) + ":void";
        };
        return new TransferRequest(id, LedgerCode.CNY_FEN, LedgerService.deposit(t.registrationId),
                LedgerService.trade(t.id), t.depositFen, TransferKind.DEPOSIT_APPLIED, phase,
                phase == Phase.PENDING ? null : depositPending(t), "trade " + t.id);
    }

    /**
     * Owes a losing (or unsold lot's) registration its whole deposit back: a refund instruction due
     * within the bank's refund working days and a ledger transfer from its deposit account; once. Not
     * while the deposit is its open trade's, nor while it is the held runner-up's.
     */
    @Transactional
    public void releaseDeposit(long registrationId) {
        Registration r = registrations.findById(registrationId);
        listings.lock(r.listingId);
        if (trades.holdsTrade(registrationId) || runnerUps.findByIdOptional(r.listingId)
                .filter(u -> u.registrationId == registrationId && u.status == RunnerUpStatus.HELD).isPresent()) {
            return;
        }
        long held = ledger.available(LedgerService.deposit(registrationId));
        if (held <= 0) {
            return;
        }
        Enterprise e = enterprises.findById(r.enterpriseCode);
        long refundId = refunds.owe(registrationId, null, held, e.bankAccountName, e.bankAccountNo,
                RefundReason.NOT_WINNER, Instant.now(clock), r.listingId, SYSTEM);
        ledger.move("registration:" + registrationId + ":refund:" + refundId, LedgerService.deposit(registrationId),
                LedgerService.refund(refundId), held, TransferKind.DEPOSIT_REFUND, "REFUND-" + refundId, r.listingId);
    }

    /**
     * A party accepts the confirmation: the seller township or the buyer enterprise, with the
     * SHA-256 of the text it saw (409 CONFLICT when it differs). Accepting twice is a no-op. When both
     * have signed the trade awaits payment (listing AWAITING_PAYMENT) with due dates counted from
     * now; if it is already paid in full it settles. A runner-up's confirmation accepts the offer
     * ({@code runner_up.accepted}). Raises 404 for another party's trade, 409 INVALID_STATE after the
     * deadline, once the trade is settled, defaulted or declined, or while an upheld objection
     * suspends it.
     */
    @Transactional
    public TradeView confirm(Actor actor, long tradeId, ConfirmRequest request) {
        Trade t = trades.lock(tradeId).orElseThrow(() -> ApiException.notFound("trade", tradeId));
        boolean seller = actor.is(Role.TOWNSHIP) && actor.org().equals(t.sellerCode);
        boolean buyer = actor.is(Role.ENTERPRISE) && actor.org().equals(t.buyerCode);
        if (!seller && !buyer) {
            throw ApiException.notFound("trade", tradeId);
        }
        if (!t.confirmationSha256.equals(request.sha256())) {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.TRADE_CONFIRMATION_MISMATCH, t.confirmationSha256);
        }
        if ((seller ? t.sellerConfirmedAt : t.buyerConfirmedAt) != null) {
            return TradeView.of(t, zone);
        }
        requireNotSuspended(t);
        Instant now = Instant.now(clock);
        if (t.status != TradeStatus.AWAITING_CONFIRMATION || now.isAfter(t.confirmDeadline)) {
            throw ApiException.invalidState(MessageKey.TRADE_NOT_AWAITING_CONFIRMATION, t.status);
        }
        if (seller) {
            t.sellerConfirmedAt = now;
        } else {
            t.buyerConfirmedAt = now;
        }
        audit.append(t.confirmedEntry(seller ? "SELLER" : "BUYER", actor.org(), now, actor.toString()));
        if (buyer && t.runnerUpOf != null) {
            listings.lock(t.listingId);
            runnerUpOf(t).ifPresent(u -> {
                u.status = RunnerUpStatus.ACCEPTED;
                u.decidedAt = now;
                audit.append(u.answeredEntry("confirmed the offer of trade " + t.id, actor.toString()));
            });
        }
        if (t.confirmedByBoth()) {
            Listing listing = listings.lock(t.listingId).orElseThrow();
            PaymentTerms terms = listing.paymentTerms;
            t.status = TradeStatus.AWAITING_PAYMENT;
            if (terms.mode() == PaymentTerms.Mode.INSTALMENTS && terms.balanceDueDays() != null) {
                t.firstDueFen = Math.max(0, Math.multiplyExact(t.priceFen, terms.firstSharePercent()) / 100);
                t.firstDueAt = now.plus(Duration.ofDays(terms.firstDueDays()));
                t.balanceDueAt = now.plus(Duration.ofDays(terms.balanceDueDays()));
            } else {
                t.firstDueFen = t.priceFen;
                t.balanceDueAt = now.plus(Duration.ofDays(terms.firstDueDays()));
            }
            audit.append(t.awaitingPaymentEntry(now, actor.toString()));
            if (listing.status != ListingStatus.AWAITING_PAYMENT) { // a runner-up's after the winner had signed
                changeListing(listing, ListingStatus.AWAITING_PAYMENT, now, actor.toString(), "confirmation signed");
            }
            if (t.outstandingFen() == 0) {
                settle(t, listing, now);
            }
        }
        return TradeView.of(t, zone);
    }

    /** Whether an account number is a trade's virtual account. */
    @Transactional
    public boolean isTradeAccount(String account) {
        return accounts.isValid(account) && trades.count("virtualAccount", account) > 0;
    }

    /**
     * Counts a credit to a trade's virtual account as a payment, inside the caller's transaction:
     * from the buyer's own account and while the trade accepts payment, up to what is outstanding
     * (recorded BANK → TRADE); anything above, or everything when the payer is wrong, the trade is
     * settled or defaulted, or an upheld objection suspends it, is owed back. A payment that completes
     * the price of a confirmed trade settles it. A counted payment is logged ({@code trade.payment})
     * as the act of {@code actor}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CreditResult creditPayment(String transactionId, String account, long amountFen, String payerName,
            String actor) {
        Trade t = trades.lockByAccount(account).orElseThrow();
        Enterprise buyer = enterprises.findById(t.buyerCode);
        if (payerName == null || !payerName.strip().equals(buyer.bankAccountName.strip())) {
            return payment(CreditOutcome.WRONG_PAYER, t, amountFen);
        }
        if (!t.acceptsPayment()) {
            return payment(CreditOutcome.PAYMENT_REFUSED, t, amountFen);
        }
        long applied = Math.min(amountFen, t.outstandingFen());
        Instant now = Instant.now(clock);
        if (applied > 0) {
            ledger.move("notice:" + transactionId + ":payment", LedgerService.BANK, LedgerService.trade(t.id), applied,
                    TransferKind.PAYMENT, transactionId, t.listingId);
            t.paidFen += applied;
            audit.append(t.paymentEntry(transactionId, applied, now, actor));
        }
        if (t.outstandingFen() == 0 && t.status == TradeStatus.AWAITING_PAYMENT) {
            settle(t, listings.lock(t.listingId).orElseThrow(), now);
        }
        return payment(t.outstandingFen() == 0 ? CreditOutcome.PAYMENT_COMPLETE : CreditOutcome.PAYMENT_PARTIAL, t,
                amountFen - applied);
    }

    private static CreditResult payment(CreditOutcome outcome, Trade t, long refundFen) {
        return new CreditResult(outcome, t.registrationId, t.listingId, t.id, null, refundFen);
    }

    /**
     * Settles a fully paid, confirmed trade once: the reserved deposit is posted to the trade, the
     * price is split into proceeds by the asset type's rule, the lot passes to a child certificate
     * held by the buyer, and trade and listing are SETTLED. A held runner-up is RELEASED: its deposit
     * is then owed back as any loser's.
     */
    private void settle(Trade t, Listing listing, Instant now) {
        if (t.depositFen > 0) {
            ledger.transfer(depositApplied(t, Phase.POSTED), t.listingId);
        }
        String type = listing.assetType.name();
        ProceedsSplit split = ProceedsSplit.of(t.priceFen, config.farmersPercent().getOrDefault(type, 0),
                config.collectivePercent().getOrDefault(type, 0));
        proceeds(t, "FARMERS", split.farmersFen());
        proceeds(t, "COLLECTIVE", split.collectiveFen());
        proceeds(t, "TOWNSHIP", split.townshipFen());
        t.childCertificateId = certificates.split(t.certificateId, listing.lot(),
                listing.termYears == null ? null : listing.termYears.intValue(), t.buyerCode, "T" + t.id, SYSTEM,
                t.listingId);
        t.status = TradeStatus.SETTLED;
        t.settledAt = now;
        audit.append(t.settledEntry(split.farmersFen(), split.collectiveFen(), split.townshipFen(), SYSTEM));
        changeListing(listing, ListingStatus.SETTLED, now, SYSTEM, "paid in full; certificate transferred");
        if (t.runnerUpOf == null) {
            runnerUps.lock(listing.id).filter(u -> u.status == RunnerUpStatus.HELD).ifPresent(u -> {
                u.status = RunnerUpStatus.RELEASED;
                u.decidedAt = now;
                audit.append(u.releasedEntry(SYSTEM));
            });
        }
    }

    private void proceeds(Trade t, String party, long fen) {
        if (fen > 0) {
            ledger.move("trade:" + t.id + ":proceeds:" + party, LedgerService.trade(t.id),
                    LedgerService.proceeds(t.id, party), fen, TransferKind.PROCEEDS, "trade " + t.id, t.listingId);
        }
    }

    /**
     * Defaults a trade whose confirmation or payment deadline has passed (domain.md, "After the
     * sale"): the reserved deposit is released from escrow and forfeited, payments received are owed
     * back, the enterprise is barred for the configured days, and trade and listing are DEFAULTED with
     * the lot's frozen quantity released. When the winner defaults on a listing with a held runner-up
     * the lot stays frozen and is offered to the runner-up instead, or to the next eligible bidder
     * ({@link #offerToRunnerUp}; released when nobody is eligible any more); a runner-up that
     * defaults on its offer is DEFAULTED too. Does nothing when nothing is overdue or
     * while an upheld objection suspends the trade.
     *
     * @return whether the trade defaulted now
     */
    @Transactional
    public boolean defaultIfDue(long tradeId) {
        Trade t = trades.lock(tradeId).orElseThrow();
        if (t.isSuspended()) {
            return false;
        }
        Instant now = Instant.now(clock);
        String reason = null;
        if (t.status == TradeStatus.AWAITING_CONFIRMATION && now.isAfter(t.confirmDeadline)) {
            reason = "confirmation not signed by " + t.confirmDeadline;
        } else if (t.status == TradeStatus.AWAITING_PAYMENT) {
            long received = t.depositFen + t.paidFen;
            if (t.firstDueAt != null && now.isAfter(t.firstDueAt) && received < t.firstDueFen) {
                reason = "first instalment not paid by " + t.firstDueAt;
            } else if (t.balanceDueAt != null && now.isAfter(t.balanceDueAt) && received < t.priceFen) {
                reason = "price not paid in full by " + t.balanceDueAt;
            }
        }
        if (reason == null) {
            return false;
        }
        Listing listing = listings.lock(t.listingId).orElseThrow();
        Optional<RunnerUp> held = t.runnerUpOf == null
                ? runnerUps.lock(listing.id).filter(u -> u.status == RunnerUpStatus.HELD) : runnerUpOf(t);
        t.status = TradeStatus.DEFAULTED;
        t.statusReason = reason;
        t.defaultedAt = now;
        if (t.depositFen > 0) {
            ledger.transfer(depositApplied(t, Phase.VOIDED), t.listingId);
        }
        long forfeit = ledger.available(LedgerService.deposit(t.registrationId));
        if (forfeit > 0) {
            audit.append(t.depositForfeitedEntry(forfeit, SYSTEM));
            ledger.move("registration:" + t.registrationId + ":forfeit", LedgerService.deposit(t.registrationId),
                    LedgerService.FORFEITED, forfeit, TransferKind.DEPOSIT_FORFEIT, "trade " + t.id, t.listingId);
        }
        Enterprise buyer = enterprises.findById(t.buyerCode);
        Long paymentsRefundId = refundPayments(t, buyer, now);
        parties.bar(buyer, now.plus(Duration.ofDays(config.barDays())), t.listingId, t.id, reason, now, SYSTEM);
        audit.append(t.defaultedEntry(Math.max(0, forfeit), paymentsRefundId, SYSTEM));
        String why = reason;
        if (held.isPresent() && t.runnerUpOf == null) {
            if (offerToRunnerUp(listing, t, held.get(), now)) {
                return true;
            }
            why = "winner defaulted, no eligible runner-up left: " + reason;
        } else if (held.isPresent()) {
            RunnerUp u = held.get();
            u.status = RunnerUpStatus.DEFAULTED;
            u.decidedAt = now;
            audit.append(u.answeredEntry(t.statusReason, SYSTEM));
            why = "winner and runner-up defaulted: " + reason;
        }
        certificates.release(t.certificateId, listing.lot(), t.listingId, SYSTEM);
        changeListing(listing, ListingStatus.DEFAULTED, now, SYSTEM, why);
        return true;
    }

    /** Owes back what the buyer paid towards a trade that ended without settling; the refund's id, or null. */
    private Long refundPayments(Trade t, Enterprise buyer, Instant now) {
        if (t.paidFen <= 0) {
            return null;
        }
        long refundId = refunds.owe(t.registrationId, null, t.paidFen, buyer.bankAccountName, buyer.bankAccountNo,
                RefundReason.PAYMENT_NOT_ACCEPTED, now, t.listingId, SYSTEM);
        ledger.move("trade:" + t.id + ":refund-payments", LedgerService.trade(t.id), LedgerService.refund(refundId),
                t.paidFen, TransferKind.PAYMENT_REFUND, "REFUND-" + refundId, t.listingId);
        return refundId;
    }

    /**
     * The runner-up declines the lot it was offered after the winner's default (domain.md, "After
     * the sale"): no default, so nothing is forfeited and nobody is barred. The deposit reserved
     * against the offer goes back to its deposit account, to be owed back as any loser's; payments
     * already made are owed back; the lot is released and the listing is DEFAULTED (the township may
     * relist it). Raises 404 for a trade the caller is no party to, 403 for the seller, 409 for the
     * winner's own trade (only an offer can be declined) and 409 once the offer is accepted, past
     * its confirmation deadline, or over.
     */
    @Transactional
    public TradeView decline(Actor actor, long tradeId) {
        Trade t = trades.lock(tradeId).orElseThrow(() -> ApiException.notFound("trade", tradeId));
        boolean seller = actor.is(Role.TOWNSHIP) && actor.org().equals(t.sellerCode);
        boolean buyer = actor.is(Role.ENTERPRISE) && actor.org().equals(t.buyerCode);
        if (seller) {
            throw ApiException.forbidden(MessageKey.TRADE_DECLINE_BUYER_ONLY);
        }
        if (!buyer) {
            throw ApiException.notFound("trade", tradeId);
        }
        if (t.runnerUpOf == null) {
            throw ApiException.invalidState(MessageKey.TRADE_NOT_RUNNER_UP_OFFER);
        }
        Instant now = Instant.now(clock);
        if (t.status != TradeStatus.AWAITING_CONFIRMATION || t.buyerConfirmedAt != null
                || now.isAfter(t.confirmDeadline)) {
            throw ApiException.invalidState(MessageKey.TRADE_OFFER_NOT_OPEN, t.status);
        }
        Listing listing = listings.lock(t.listingId).orElseThrow();
        RunnerUp u = runnerUpOf(t).orElseThrow();
        t.status = TradeStatus.DECLINED;
        t.statusReason = "declined by the runner-up";
        t.declinedAt = now;
        if (t.depositFen > 0) {
            ledger.transfer(depositApplied(t, Phase.VOIDED), t.listingId);
        }
        Long paymentsRefundId = refundPayments(t, enterprises.findById(t.buyerCode), now);
        audit.append(t.declinedEntry(paymentsRefundId, actor.toString()));
        u.status = RunnerUpStatus.DECLINED;
        u.decidedAt = now;
        audit.append(u.answeredEntry("declined the offer of trade " + t.id, actor.toString()));
        certificates.release(t.certificateId, listing.lot(), t.listingId, actor.toString());
        changeListing(listing, ListingStatus.DEFAULTED, now, actor.toString(),
                "winner defaulted; the runner-up declined the offer");
        return TradeView.of(t, zone);
    }

    /**
     * The id of the listing's trade awaiting confirmation or payment, locked, inside the caller's
     * transaction; empty when it has none (not sold, not opened yet, settled or defaulted).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> tradeInProgress(long listingId) {
        return trades.lockOpenOfListing(listingId).map(t -> t.id);
    }

    /**
     * Suspends the settlement of a trade in progress on an upheld objection (domain.md, "After the
     * sale") at the moment of the answer, inside the caller's transaction: from then its deadlines
     * do not run, it takes no confirmation and no payment (a payment is owed back) and can neither
     * settle nor default, until {@link #resume}. Logged as {@code trade.suspended}. Raises 409 when the trade no longer awaits
     * confirmation or payment, or is suspended already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(long tradeId, long objectionId, Instant at, String actor) {
        Trade t = trades.lock(tradeId).orElseThrow(() -> ApiException.notFound("trade", tradeId));
        if (!t.isOpen()) {
            throw ApiException.invalidState(MessageKey.OBJECTION_NOTHING_TO_SUSPEND, t.listingId);
        }
        requireNotSuspended(t);
        t.suspendedAt = at;
        audit.append(t.suspendedEntry(objectionId, actor));
    }

    /**
     * Lifts a suspension of {@link #suspend} at the given moment, inside the caller's transaction:
     * every deadline still ahead when the trade was suspended moves later by the length of the
     * suspension, so neither party loses time, and the trade takes confirmations and payments again. Logged as
     * {@code trade.resumed}. Does nothing for a trade that is not suspended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resume(long tradeId, long objectionId, Instant now, String actor) {
        Trade t = trades.lock(tradeId).orElseThrow();
        if (!t.isSuspended()) {
            return;
        }
        Duration paused = Duration.between(t.suspendedAt, now);
        t.confirmDeadline = shift(t.confirmDeadline, t.suspendedAt, paused);
        t.firstDueAt = shift(t.firstDueAt, t.suspendedAt, paused);
        t.balanceDueAt = shift(t.balanceDueAt, t.suspendedAt, paused);
        t.suspendedAt = null;
        audit.append(t.resumedEntry(objectionId, paused.toSeconds(), now, actor));
    }

    private static Instant shift(Instant moment, Instant suspendedAt, Duration paused) {
        return moment != null && moment.isAfter(suspendedAt) ? moment.plus(paused) : moment;
    }

    private void requireNotSuspended(Trade t) {
        if (t.isSuspended()) {
            throw ApiException.invalidState(MessageKey.TRADE_SUSPENDED,
                    ApiTime.format(t.suspendedAt, zone));
        }
    }

    private void changeListing(Listing listing, ListingStatus to, Instant now, String actor, String reason) {
        listings.transition(listing, to, now, actor, reason, "details", Map.of());
    }
}
