package cn.landmarket.oversight;

import static cn.landmarket.oversight.OversightRepository.instant;
import static cn.landmarket.oversight.OversightRepository.lng;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.common.Money;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.security.Actor;
import cn.landmarket.oversight.CollusionRules.Group;
import cn.landmarket.oversight.OversightRepository.Where;

/**
 * The collusion signals of domain.md "Audit" over the regulator's jurisdiction, each a list of
 * findings with their evidence, paged ({@link #page}) or exported whole up to the export limit.
 * Bidders are named by listing, registration and bidder number only, and the value they share by a
 * keyed token ({@link SignalToken}), never in the clear: the value joined to the enterprise list
 * would name them. Who they are is shown by the identities endpoint, which asks for a reason and
 * logs the reveal.
 */
@ApplicationScoped
public class CollusionService {

    private final OversightService oversight;
    private final OversightRepository repository;
    private final OversightConfig config;
    private final ZoneId zone;
    private volatile byte[] tokenKey;

    CollusionService(OversightService oversight, OversightRepository repository, OversightConfig config,
            MarketConfig market) {
        this.oversight = oversight;
        this.repository = repository;
        this.config = config;
        this.zone = market.zone();
    }

    /** One page of findings, in their order. */
    static <F> PageView<F> page(List<F> findings, PageRequest page) {
        long from = (long) page.page() * page.size();
        List<F> items = from >= findings.size() ? List.of()
                : findings.subList((int) from, (int) Math.min(findings.size(), from + page.size()));
        return new PageView<>(List.copyOf(items), page.page(), page.size(), findings.size());
    }

    /** Every finding as CSV rows, one per item of evidence; 400 when more than the export limit. */
    <F, E> List<EvidenceRow<F, E>> export(List<F> findings, Function<F, List<E>> items) {
        List<EvidenceRow<F, E>> rows = EvidenceRow.of(findings, items);
        oversight.exportable(rows.size());
        return rows;
    }

    /** Every township row as CSV rows; 400 when more than the export limit. */
    <T> List<T> export(List<T> rows) {
        oversight.exportable(rows.size());
        return rows;
    }

    /** The token of a shared value ({@link SignalToken}) under the market's key, read once from the database. */
    private String token(String kind, String value) {
        byte[] key = tokenKey;
        if (key == null) {
            key = repository.signalKey();
            tokenKey = key;
        }
        return SignalToken.of(key, kind, value);
    }

    /** A row of a query, keyed for grouping by {@link CollusionRules#shared}. */
    private record Row(long listingId, String enterprise, Object[] columns) {
    }

    /** Groups rows listing by listing, keeping the values used by two or more enterprises. */
    private static List<Group<Row>> perListing(List<Row> rows, Function<Row, String> value) {
        Map<Long, List<Row>> byListing = new LinkedHashMap<>();
        rows.forEach(r -> byListing.computeIfAbsent(r.listingId(), k -> new ArrayList<>()).add(r));
        List<Group<Row>> groups = new ArrayList<>();
        byListing.values().forEach(list -> groups.addAll(CollusionRules.shared(list, value, Row::enterprise)));
        return groups;
    }

    private static int enterprises(List<Row> rows) {
        Set<String> distinct = new HashSet<>();
        rows.forEach(r -> distinct.add(r.enterprise()));
        return distinct.size();
    }

    /**
     * Deposits for different bidders of one listing paid from the same payer account. 404/403 for
     * an unknown listing or one outside the jurisdiction when {@code listingId} is given.
     */
    @Transactional
    public List<PayerAccountFinding> payerAccounts(Actor actor, Scope scope, Long listingId) {
        Where where = oversight.where(actor, scope, listingId);
        List<Row> rows = repository.deposits(where).stream()
                .map(r -> new Row(lng(r[0]), (String) r[3], r)).toList();
        return perListing(rows, r -> CollusionRules.account((String) r.columns()[4])).stream()
                .map(g -> new PayerAccountFinding(g.items().get(0).listingId(), token("PAYER_ACCOUNT", g.value()),
                        enterprises(g.items()),
                        g.items().stream().map(r -> new PayerAccountFinding.Deposit(lng(r.columns()[1]),
                                (String) r.columns()[2], (String) r.columns()[5],
                                Money.ofFen(lng(r.columns()[6])), at(r.columns()[7]), (String) r.columns()[8]))
                                .toList()))
                .toList();
    }

    /**
     * Different enterprises naming the same contact person, contact phone or legal representative
     * (names compared without surrounding or repeated spaces, phones by their digits), among the
     * bidders of each listing ({@code across} LISTING, the default) or of all listings in scope
     * ({@code across} REGION).
     */
    @Transactional
    public List<SharedContactFinding> contacts(Actor actor, Scope scope, Long listingId,
            SharedContactFinding.Across across) {
        Where where = oversight.where(actor, scope, listingId);
        List<Row> rows = repository.contacts(where).stream().map(r -> new Row(lng(r[0]), (String) r[3], r)).toList();
        SharedContactFinding.Across reach = across == null ? SharedContactFinding.Across.LISTING : across;
        List<SharedContactFinding> findings = new ArrayList<>();
        Map<SharedContactFinding.Attribute, Function<Row, String>> attributes = new LinkedHashMap<>();
        attributes.put(SharedContactFinding.Attribute.CONTACT_PERSON, r -> CollusionRules.name((String) r.columns()[4]));
        attributes.put(SharedContactFinding.Attribute.CONTACT_PHONE, r -> CollusionRules.phone((String) r.columns()[5]));
        attributes.put(SharedContactFinding.Attribute.LEGAL_REPRESENTATIVE,
                r -> CollusionRules.name((String) r.columns()[6]));
        for (Map.Entry<SharedContactFinding.Attribute, Function<Row, String>> attribute : attributes.entrySet()) {
            List<Group<Row>> groups = reach == SharedContactFinding.Across.LISTING
                    ? perListing(rows, attribute.getValue())
                    : CollusionRules.shared(rows, attribute.getValue(), Row::enterprise);
            for (Group<Row> g : groups) {
                findings.add(new SharedContactFinding(reach, attribute.getKey(),
                        token(attribute.getKey().name(), g.value()),
                        reach == SharedContactFinding.Across.LISTING ? g.items().get(0).listingId() : null,
                        enterprises(g.items()), g.items().stream().map(r -> new SharedContactFinding.Bidder(
                                r.listingId(), lng(r.columns()[1]), (String) r.columns()[2])).toList()));
            }
        }
        return findings;
    }

    /** Different bidders of one listing that registered or bid from the same client address. */
    @Transactional
    public List<ClientAddressFinding> clientAddresses(Actor actor, Scope scope, Long listingId) {
        Where where = oversight.where(actor, scope, listingId);
        List<Row> rows = repository.clientAddresses(where).stream()
                .map(r -> new Row(lng(r[0]), (String) r[3], r)).toList();
        return perListing(rows, r -> (String) r.columns()[5]).stream()
                .map(g -> new ClientAddressFinding(g.items().get(0).listingId(), token("CLIENT_ADDRESS", g.value()),
                        enterprises(g.items()),
                        g.items().stream().map(r -> new ClientAddressFinding.Event(
                                ClientAddressFinding.Kind.valueOf((String) r.columns()[4]), lng(r.columns()[1]),
                                (String) r.columns()[2], at(r.columns()[6]),
                                r.columns()[7] == null ? null : (int) lng(r.columns()[7]))).toList()))
                .toList();
    }

    /** Runs of bids with a regular pattern of differences, by the rules of {@link BidPatterns}. */
    @Transactional
    public List<BidPatternFinding> bidPatterns(Actor actor, Scope scope, Long listingId) {
        Where where = oversight.where(actor, scope, listingId);
        BidPatterns.Thresholds thresholds = new BidPatterns.Thresholds(config.alternationMinBids(),
                config.minimumIncrementMinDifferences());
        Map<Long, List<BidPatterns.Bid>> byListing = new LinkedHashMap<>();
        Map<Long, Long> increments = new LinkedHashMap<>();
        for (Object[] r : repository.bids(where)) {
            long listing = lng(r[0]);
            byListing.computeIfAbsent(listing, k -> new ArrayList<>())
                    .add(new BidPatterns.Bid((int) lng(r[1]), (String) r[2], lng(r[3])));
            increments.put(listing, lng(r[4]));
        }
        List<BidPatternFinding> findings = new ArrayList<>();
        byListing.forEach((listing, bids) -> {
            long increment = increments.get(listing);
            for (BidPatterns.Match m : BidPatterns.find(bids, increment, thresholds)) {
                findings.add(new BidPatternFinding(listing, m.rule(), m.firstBidder(), m.secondBidder(),
                        Money.ofFen(m.stepFen()), Money.ofFen(increment), m.bids().get(0).seq(),
                        m.bids().get(m.bids().size() - 1).seq(), m.bids().stream()
                                .map(b -> new BidPatternFinding.PatternBid(b.seq(), b.bidderNo(),
                                        Money.ofFen(b.amountFen())))
                                .toList()));
            }
        });
        return findings;
    }

    /**
     * Each selling township's decided sales in scope and its share of sales with a single bidder,
     * flagged at the configured share once it has the configured number of sales; highest share first.
     */
    @Transactional
    public List<SingleBidderShare> singleBidderShares(Actor actor, Scope scope) {
        Where where = oversight.where(actor, scope, null);
        Map<String, String> names = new LinkedHashMap<>();
        List<CollusionRules.Sale> sales = new ArrayList<>();
        for (Object[] r : repository.sales(where)) {
            names.put((String) r[0], (String) r[1]);
            sales.add(new CollusionRules.Sale((String) r[0], lng(r[2]), (int) lng(r[3])));
        }
        return CollusionRules.singleBidderShares(sales, new CollusionRules.ShareThreshold(config.singleBidderMinSales(),
                config.singleBidderFlagPercent())).stream()
                .map(s -> new SingleBidderShare(s.sellerCode(), names.get(s.sellerCode()), s.sales(),
                        s.singleBidderSales(), s.percent().toPlainString(), s.flagged(), s.singleBidderListings()))
                .toList();
    }

    private OffsetDateTime at(Object value) {
        java.time.Instant i = instant(value);
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
