package cn.landmarket.oversight;

import static cn.landmarket.oversight.OversightRepository.instant;
import static cn.landmarket.oversight.OversightRepository.lng;

import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.asset.AssetType;
import cn.landmarket.calendar.CalendarService;
import cn.landmarket.calendar.WorkingDayCalendar;
import cn.landmarket.common.Area;
import cn.landmarket.common.Money;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.oversight.OversightRepository.CloseEntry;

/**
 * Results of closed listings for the public (domain.md: published within 10 working days, naming the
 * buyer: the winner's, or after its default the runner-up's once the lot is offered to it; nobody
 * once the lot is released after a default). A result appears as soon as the close is committed — the listing sold or went unsold — so
 * well within the limit, and links to the audit log entry that recorded the close. It shows until
 * when objections may be lodged and the tally of those lodged ({@link ObjectionService}).
 */
@ApplicationScoped
public class ResultService {

    private static final HexFormat HEX = HexFormat.of();

    private final OversightRepository repository;
    private final ObjectionRepository objections;
    private final CalendarService calendar;
    private final ResultsConfig config;
    private final ObjectionRules rules;
    private final ZoneId zone;

    ResultService(OversightRepository repository, ObjectionRepository objections, CalendarService calendar,
            ResultsConfig config, MarketConfig market) {
        this.repository = repository;
        this.objections = objections;
        this.calendar = calendar;
        this.config = config;
        this.rules = new ObjectionRules(config.objectionWorkingDays(), config.objectionMaxChars());
        this.zone = market.zone();
    }

    /** Results of closed listings, latest close first. */
    @Transactional
    public PageView<ResultView> results(PageRequest page) {
        List<Object[]> rows = repository.results(page.page() * page.size(), page.size());
        List<Long> ids = rows.stream().map(r -> lng(r[0])).toList();
        Map<Long, CloseEntry> entries = repository.closeEntries(ids);
        Map<Long, ObjectionTally> tallies = objections.tallies(ids);
        WorkingDayCalendar days = calendar.calendar();
        return new PageView<>(rows.stream().map(r -> view(r, entries.get(lng(r[0])), tallies.get(lng(r[0])), days))
                .toList(), page.page(), page.size(), repository.countResults());
    }

    /** The result of one closed listing; 404 while it is not closed or was never announced. */
    @Transactional
    public ResultView result(long listingId) {
        Object[] row = repository.result(listingId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("result of listing", listingId));
        return view(row, repository.closeEntries(List.of(listingId)).get(listingId),
                objections.tallies(List.of(listingId)).get(listingId), calendar.calendar());
    }

    private ResultView view(Object[] r, CloseEntry entry, ObjectionTally tally, WorkingDayCalendar days) {
        ListingStatus status = ListingStatus.valueOf((String) r[7]);
        ResultView.RunnerUpAward award = r[13] == null ? null : new ResultView.RunnerUpAward(
                ResultView.RunnerUpAward.Step.valueOf((String) r[13]), instant(r[17]).atZone(zone).toOffsetDateTime());
        ResultView.Outcome outcome = status == ListingStatus.UNSOLD ? ResultView.Outcome.UNSOLD
                : status == ListingStatus.DEFAULTED ? ResultView.Outcome.RELEASED : ResultView.Outcome.SOLD;
        boolean sold = outcome == ResultView.Outcome.SOLD;
        boolean toRunnerUp = award != null && award.holdsTheAward();
        ResultView.Buyer buyer = !sold ? null : toRunnerUp ? new ResultView.Buyer((String) r[16], (String) r[15])
                : r[11] != null ? new ResultView.Buyer((String) r[12], (String) r[11]) : null;
        Long price = !sold ? null : toRunnerUp ? Long.valueOf(lng(r[14])) : r[9] != null ? lng(r[9]) : null;
        return new ResultView(lng(r[0]), (String) r[1], (String) r[2], AssetType.valueOf((String) r[3]), (String) r[4],
                (String) r[5], (String) r[6], outcome, status, buyer,
                price == null ? null : Money.ofFen(price), price, award, Area.of(lng(r[8])),
                instant(r[10]).atZone(zone).toOffsetDateTime(), config.objections(),
                rules.periodEnds(instant(r[10]), days, zone).atZone(zone).toOffsetDateTime(),
                tally == null ? ObjectionTally.NONE : tally, logEntry(entry));
    }

    private static ResultView.LogEntry logEntry(CloseEntry entry) {
        if (entry == null) {
            return null;
        }
        String hex = HEX.formatHex(entry.leafHash());
        return new ResultView.LogEntry(entry.type(), hex, "/api/audit/proof-by-hash?hash=" + hex, entry.index());
    }
}
