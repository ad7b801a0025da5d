package cn.landmarket.document;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.audit.AuditService;
import cn.landmarket.audit.InclusionView;
import cn.landmarket.audit.ListingEntriesView;
import cn.landmarket.auction.RegistrationService;
import cn.landmarket.auction.RegistrationView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.document.DocumentContent.ProofBox;
import cn.landmarket.document.DocumentContent.Row;
import cn.landmarket.document.DocumentContent.Section;
import cn.landmarket.document.DocumentContent.Verbatim;
import cn.landmarket.escrow.EscrowConfig;
import cn.landmarket.escrow.RefundService;
import cn.landmarket.escrow.RefundView;
import cn.landmarket.escrow.RegistrationStatus;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingView;
import cn.landmarket.listing.SaleFormat;
import cn.landmarket.oversight.ResultService;
import cn.landmarket.oversight.ResultView;
import cn.landmarket.party.PartyService;
import cn.landmarket.settlement.TradeQueryService;
import cn.landmarket.settlement.TradeView;

/**
 * The documents as PDFs (README, "Documents (PDF)"): each is built from what the API shows the same
 * caller, through the same service methods, so a document never shows more than the API does (the
 * reserve price only once the API shows it, bidders' identities never beyond the buyer of a decided
 * sale) and refuses those the API refuses, with the same 403 or 404. The confirmation and the result
 * carry their log entries, inclusion proofs and signed checkpoint as an attached {@code proof.json}
 * and a QR code of the public proof of their main entry. Reads only: no transaction of its own.
 */
@ApplicationScoped
public class DocumentService {

    /** Log entry types behind an announcement's facts and a sale's. */
    private static final String ANNOUNCED = "listing.announced";
    private static final String SOLD = "listing.sold";
    private static final String UNSOLD = "listing.unsold";
    private static final String TRADE_CREATED = "trade.created";
    private static final String TRADE_CONFIRMED = "trade.confirmed";
    private static final String TRADE_SETTLED = "trade.settled";
    private static final String RUNNER_UP_OFFERED = "runner_up.offered";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ListingService listings;
    private final TradeQueryService trades;
    private final ResultService results;
    private final RegistrationService registrations;
    private final RefundService refunds;
    private final PartyService parties;
    private final AuditService audit;
    private final DocumentConfig config;
    private final int refundWorkingDays;
    private final ZoneId zone;
    private final Clock clock;

    DocumentService(ListingService listings, TradeQueryService trades, ResultService results,
            RegistrationService registrations, RefundService refunds, PartyService parties, AuditService audit,
            DocumentConfig config, EscrowConfig escrow, MarketConfig market, Clock clock) {
        this.listings = listings;
        this.trades = trades;
        this.results = results;
        this.registrations = registrations;
        this.refunds = refunds;
        this.parties = parties;
        this.audit = audit;
        this.config = config;
        this.refundWorkingDays = escrow.refundWorkingDays();
        this.zone = market.zone();
        this.clock = clock;
    }

    /** A rendered document: its file name and bytes. */
    public record Pdf(String fileName, byte[] content) {
    }

    /**
     * 挂牌公告 with 竞买须知: the announced listing as the public API shows it (404 before its
     * announcement); the reserve price appears only once the public API shows it, after the close.
     */
    public Pdf announcement(long listingId) {
        ListingView l = listings.publicGet(listingId);
        List<Section> sections = new ArrayList<>();
        sections.add(Section.rows("一、标的基本情况", lot(l)));
        List<Row> terms = new ArrayList<>();
        terms.add(new Row("交易方式", DocumentTexts.saleFormat(l.saleFormat())));
        terms.add(new Row("起始价", DocumentTexts.money(l.startPrice())));
        if (l.saleFormat() != SaleFormat.SEALED_QUOTATION) {
            terms.add(new Row("增价幅度", DocumentTexts.money(l.increment())));
        }
        terms.add(new Row("竞买保证金", DocumentTexts.money(l.deposit())));
        if (l.priceCap() != null) {
            terms.add(new Row("最高限价", DocumentTexts.money(l.priceCap())));
        }
        terms.add(new Row("底价", reserve(l)));
        terms.add(new Row("付款方式", DocumentTexts.paymentTerms(l.paymentTerms())));
        terms.add(new Row("竞买人所在地区范围", DocumentTexts.regions(l.eligibleRegions())));
        sections.add(Section.rows("二、交易条件", terms));
        List<Row> schedule = new ArrayList<>();
        schedule.add(new Row("公告发布时间", DocumentTexts.minute(l.announceAt())));
        schedule.add(new Row("报名及保证金到账截止", DocumentTexts.minute(l.registrationDeadline())));
        schedule.add(new Row("挂牌起始时间", DocumentTexts.minute(l.listingStart())));
        schedule.add(new Row("挂牌截止时间", DocumentTexts.minute(l.listingEnd())));
        if (l.saleFormat() == SaleFormat.SEALED_QUOTATION) {
            schedule.add(new Row("报价揭示截止", DocumentTexts.minute(l.revealDeadline())));
        } else {
            schedule.add(new Row("限时竞价每轮时长", l.countdownSeconds() + " 秒"));
        }
        schedule.add(new Row("当前状态", DocumentTexts.status(l.status())));
        sections.add(Section.rows("三、时间安排", schedule));
        sections.add(Section.rules("四、竞买须知", biddingRules(l)));
        DocumentContent doc = new DocumentContent("挂牌公告", l.listingNo(), config.issuer(), sections, null, null,
                List.of("本公告与平台公开接口 " + config.publicUrl() + "/api/public/listings/" + l.id()
                        + " 及公开审计日志的 " + ANNOUNCED + " 条目内容一致，以平台公开数据为准。"),
                issued());
        return new Pdf("announcement-" + l.listingNo() + ".pdf",
                PdfRenderer.render(DocumentTemplate.xhtml(doc), List.of(), calendarNow()));
    }

    /**
     * 成交确认书: the trade as {@link TradeQueryService#get} shows it to the caller (its seller,
     * its buyer, regulators of its region, operators; 404 for anyone else), with its confirmation
     * text printed and attached verbatim: the text whose SHA-256 the parties accept through the API.
     */
    public Pdf confirmation(Actor actor, long tradeId) {
        TradeView t = trades.get(actor, tradeId);
        ListingView l = listings.publicGet(t.listingId());
        ResultView r = results.result(t.listingId());
        List<Section> sections = new ArrayList<>();
        sections.add(Section.rows("一、交易双方", List.of(
                new Row("出让方（甲方）", DocumentTexts.or(r.sellerName()) + "（行政区划代码 " + t.sellerCode() + "）"),
                new Row("竞得人（乙方）", DocumentTexts.or(parties.requireEnterprise(t.buyerCode()).name)
                        + "（统一社会信用代码 " + t.buyerCode() + "）"))));
        sections.add(Section.rows("二、成交标的", lot(l)));
        List<Row> money = new ArrayList<>();
        money.add(new Row("成交价", DocumentTexts.money(t.price())));
        money.add(new Row("保证金抵作价款", DocumentTexts.money(t.depositCredited())));
        money.add(new Row("已付价款", DocumentTexts.money(t.paid())));
        money.add(new Row("尚欠价款", DocumentTexts.money(t.outstanding())));
        money.add(new Row("价款缴入账户（虚拟账号）", t.paymentAccount()));
        money.add(new Row("付款方式", DocumentTexts.paymentTerms(l.paymentTerms())));
        money.add(new Row("成交确认书签订截止", DocumentTexts.minute(t.confirmDeadline())));
        money.add(new Row("甲方确认时间", t.sellerConfirmedAt() == null ? "尚未确认" : DocumentTexts.minute(t.sellerConfirmedAt())));
        money.add(new Row("乙方确认时间", t.buyerConfirmedAt() == null ? "尚未确认" : DocumentTexts.minute(t.buyerConfirmedAt())));
        money.add(new Row("交易状态", DocumentTexts.tradeStatus(t.status())));
        sections.add(Section.rows("三、成交价款与付款", money));
        sections.add(Section.rules("四、双方约定", List.of(
                "双方确认以上成交结果及下列确认书原文所列条款；确认方式为通过平台接口提交原文的 SHA-256 摘要，平台将每次确认记入公开审计日志（" + TRADE_CONFIRMED + "）。",
                "乙方应按付款方式将价款缴入上列账户；已缴竞买保证金抵作价款。逾期未签订或未付清的，视为违约，竞买保证金不予退还。",
                "价款付清后，标的由平台自出让方权证中分割并登记至乙方名下。")));
        Verbatim verbatim = new Verbatim("五、确认书原文",
                "以下文本（UTF-8 编码，逐行如下，每行以换行符结束）即双方通过平台接口确认的成交确认书文本；其 SHA-256 摘要印于文后，附件 confirmation.txt 为同一文本。",
                t.confirmationText(), t.confirmationSha256());
        ProofBundle bundle = new ProofBundle("confirmation", "成交确认书", number(l, t))
                .fact("挂牌编号", ANNOUNCED, "listingNo", l.listingNo())
                .fact("标的名称", ANNOUNCED, "title", l.title())
                .fact("成交编号", TRADE_CREATED, "tradeId", t.id())
                .fact("挂牌标的", TRADE_CREATED, "listingId", t.listingId())
                .fact("出让方", TRADE_CREATED, "sellerCode", t.sellerCode())
                .fact("竞得人", TRADE_CREATED, "buyerCode", t.buyerCode())
                .fact("面积（平方米）", TRADE_CREATED, "lotAreaM2", t.lotArea().m2())
                .fact("成交价（分）", TRADE_CREATED, "priceFen", t.price().fen())
                .fact("保证金抵作价款（分）", TRADE_CREATED, "depositFen", t.depositCredited().fen())
                .fact("价款缴入账户", TRADE_CREATED, "virtualAccount", t.paymentAccount())
                .fact("确认书原文 SHA-256", TRADE_CREATED, "confirmationSha256", t.confirmationSha256())
                .fact("成交价（分）", SOLD, "winningAmountFen",
                        l.saleFormat() == SaleFormat.SEALED_QUOTATION ? null : t.price().fen())
                .fact("甲方确认", TRADE_CONFIRMED, "partyCode", t.sellerConfirmedAt() == null ? null : t.sellerCode())
                .fact("乙方确认", TRADE_CONFIRMED, "partyCode", t.buyerConfirmedAt() == null ? null : t.buyerCode())
                .confirmationText(t.confirmationText());
        ListingEntriesView proved = audit.listingEntriesOfKinds(t.listingId(),
                List.of(ANNOUNCED, SOLD, TRADE_CREATED, TRADE_CONFIRMED, TRADE_SETTLED));
        Optional<String> main = leafHashOf(proved, TRADE_CREATED);
        String url = main.map(this::proofUrl).orElse(listingEntriesUrl(t.listingId()));
        DocumentContent doc = new DocumentContent("成交确认书", number(l, t), config.issuer(), sections, verbatim,
                proofBox("六、审计日志证明", proved, bundle, url, main.isPresent(), TRADE_CREATED), notes(), issued());
        byte[] json = bundle.json(proved, audit.verifierKey(), Instant.now(clock).toString());
        return new Pdf("confirmation-" + l.listingNo() + "-T" + t.id() + ".pdf", PdfRenderer.render(
                DocumentTemplate.xhtml(doc), List.of(proofAttachment(json),
                        new PdfRenderer.Attachment("confirmation.txt", "text/plain",
                                "成交确认书原文（其 SHA-256 即双方确认的摘要）",
                                t.confirmationText().getBytes(StandardCharsets.UTF_8))),
                calendarNow()));
    }

    /**
     * 成交结果公示: the published result as the public API shows it (404 until the listing closes):
     * a sale names the buyer and the price (the runner-up's, at its own price proved by its offer's
     * entry, once the award passed to it after the winner's default); a lot released after a default
     * names neither; the reserve price appears as the public listing shows it
     * after the close.
     */
    public Pdf result(long listingId) {
        ResultView r = results.result(listingId);
        ListingView l = listings.publicGet(listingId);
        boolean sold = r.outcome() == ResultView.Outcome.SOLD;
        boolean closedSold = r.outcome() != ResultView.Outcome.UNSOLD; // RELEASED: sold, then released after a default
        boolean toRunnerUp = sold && r.runnerUpAward() != null && r.runnerUpAward().holdsTheAward();
        List<Section> sections = new ArrayList<>();
        sections.add(Section.rows("一、标的", lot(l)));
        List<Row> outcome = new ArrayList<>();
        outcome.add(new Row("交易结果", switch (r.outcome()) {
            case SOLD -> "成交";
            case UNSOLD -> "流拍（未成交）";
            case RELEASED -> "成交后违约，标的已释放（可重新挂牌）";
        }));
        if (r.runnerUpAward() != null) {
            outcome.add(new Row("候补竞得", runnerUpStep(r.runnerUpAward().step()) + "（"
                    + DocumentTexts.minute(r.runnerUpAward().at()) + "）"));
        }
        if (sold && r.buyer() != null) {
            outcome.add(new Row(toRunnerUp ? "竞得人（候补竞得人）" : "竞得人", DocumentTexts.or(r.buyer().name())
                    + "（统一社会信用代码 " + r.buyer().creditCode() + "）"));
        }
        if (r.price() != null) {
            outcome.add(new Row(toRunnerUp ? "成交价（候补竞得人自己的报价）" : "成交价", DocumentTexts.money(r.price())));
        }
        outcome.add(new Row("起始价", DocumentTexts.money(l.startPrice())));
        outcome.add(new Row("底价", reserve(l)));
        outcome.add(new Row("有效报价次数", Integer.toString(l.bidCount())));
        outcome.add(new Row("结束时间", DocumentTexts.minute(r.closedAt())));
        outcome.add(new Row("当前状态", DocumentTexts.status(r.status())));
        sections.add(Section.rows("二、交易结果", outcome));
        sections.add(new Section("三、异议", List.of(), List.of(r.objections()), false));
        ProofBundle bundle = new ProofBundle("result", "成交结果公示", l.listingNo())
                .fact("挂牌编号", ANNOUNCED, "listingNo", l.listingNo())
                .fact("标的名称", ANNOUNCED, "title", l.title())
                .fact("出让方", ANNOUNCED, "sellerCode", r.sellerCode())
                .fact("面积（平方米）", ANNOUNCED, "lotAreaM2", l.lotArea().m2())
                .fact("起始价（分）", ANNOUNCED, "startPriceFen", l.startPrice().fen());
        String close = closedSold ? SOLD : UNSOLD;
        bundle.fact("交易结果", close, "to", closedSold ? "SOLD" : "UNSOLD");
        if (sold) {
            // a sealed opening's entry lists every quotation rather than a winning amount; the runner-up
            // bought at its own price, which its offer's entry states
            bundle.fact("成交价（分）", SOLD, "winningAmountFen", l.saleFormat() == SaleFormat.SEALED_QUOTATION
                    || toRunnerUp ? null : r.priceFen())
                    .fact("竞得人", TRADE_CREATED, "buyerCode", r.buyer() == null ? null : r.buyer().creditCode())
                    .fact("成交价（分）", TRADE_CREATED, "priceFen", r.priceFen())
                    .fact("候补竞得价（分）", RUNNER_UP_OFFERED, "priceFen", toRunnerUp ? r.priceFen() : null);
        }
        if (l.reservePrice() != null) {
            bundle.fact("底价（分）", close, "reservePriceFen", l.reservePrice().fen());
        }
        ListingEntriesView proved = audit.listingEntriesOfKinds(listingId, toRunnerUp
                ? List.of(ANNOUNCED, close, TRADE_CREATED, RUNNER_UP_OFFERED) : List.of(ANNOUNCED, close, TRADE_CREATED));
        Optional<String> main = leafHashOf(proved, close);
        String leaf = main.orElse(r.closeEntry() == null ? null : r.closeEntry().leafHash());
        String url = leaf == null ? listingEntriesUrl(listingId) : proofUrl(leaf);
        DocumentContent doc = new DocumentContent("成交结果公示", l.listingNo(), config.issuer(), sections, null,
                proofBox("四、审计日志证明", proved, bundle, url, main.isPresent(), close), notes(), issued());
        byte[] json = bundle.json(proved, audit.verifierKey(), Instant.now(clock).toString());
        return new Pdf("result-" + l.listingNo() + ".pdf",
                PdfRenderer.render(DocumentTemplate.xhtml(doc), List.of(proofAttachment(json)), calendarNow()));
    }

    /** Where the award passed to the runner-up stands, in the words of the result. */
    private static String runnerUpStep(ResultView.RunnerUpAward.Step step) {
        return switch (step) {
            case OFFERED -> "竞得人违约，标的按候补竞得人自己的报价转由其承接（待确认）";
            case ACCEPTED -> "竞得人违约，候补竞得人已确认承接";
            case DECLINED -> "竞得人违约，候补竞得人放弃承接，标的已释放";
            case DEFAULTED -> "竞得人违约，候补竞得人亦违约，标的已释放";
            case LAPSED -> "竞得人违约，已无符合条件的候补竞得人，标的已释放";
        };
    }

    /**
     * 竞买保证金收款凭证: the calling enterprise's own registration as {@link RegistrationService#mine}
     * shows it (404 without one), once money has arrived (409 before), with its own bidder number.
     */
    public Pdf depositReceipt(Actor actor, long listingId) {
        RegistrationView reg = registrations.mine(actor, listingId);
        if (reg.depositReceived().fen() == 0) {
            throw ApiException.invalidState(MessageKey.DOCUMENT_NO_DEPOSIT);
        }
        ListingView l = listings.publicGet(listingId);
        boolean qualified = reg.status() == RegistrationStatus.QUALIFIED;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("缴款单位", DocumentTexts.or(reg.enterpriseName()) + "（统一社会信用代码 " + reg.enterpriseCode() + "）"));
        rows.add(new Row("挂牌编号", l.listingNo()));
        rows.add(new Row("标的名称", l.title()));
        rows.add(new Row("应缴竞买保证金", DocumentTexts.money(reg.deposit())));
        rows.add(new Row("已到账金额", DocumentTexts.money(reg.depositReceived())));
        rows.add(new Row("到账截止时间", DocumentTexts.minute(reg.depositDeadline())));
        rows.add(new Row("收款账户名", reg.payTo().accountName()));
        rows.add(new Row("开户行", reg.payTo().bankName()));
        rows.add(new Row("专属虚拟账号", reg.payTo().virtualAccount()));
        rows.add(new Row("竞买资格", qualified ? "保证金已足额到账，已取得竞买资格" : "保证金尚未足额到账，尚未取得竞买资格"));
        if (qualified) {
            rows.add(new Row("竞买号", reg.bidderNo()));
            rows.add(new Row("取得资格时间", DocumentTexts.minute(reg.qualifiedAt())));
        }
        DocumentContent doc = new DocumentContent("竞买保证金收款凭证", l.listingNo() + "-R" + reg.id(), config.issuer(),
                List.of(Section.rows("收款信息", rows)), null, null, List.of(
                        "竞买号仅向本企业出具，请妥善保管；竞价期间平台对外只显示竞买号，不显示竞买人身份。",
                        "未竞得或标的未成交的，保证金于 " + refundWorkingDays + " 个工作日内原路无息退还；竞得的，保证金抵作成交价款。",
                        "本凭证依据银行到账通知生成，以平台记录为准。"),
                issued());
        return new Pdf("deposit-receipt-" + l.listingNo() + "-R" + reg.id() + ".pdf",
                PdfRenderer.render(DocumentTemplate.xhtml(doc), List.of(), calendarNow()));
    }

    /**
     * 退款凭证 (paid) or 退款通知 (still owed): for the enterprise it is owed to, as
     * {@link RefundService#mine} shows it, naming the enterprise; for operators and regulators of the
     * listing's region, as {@link RefundService#get} shows it, naming the payee only by listing and
     * bidder number as the refund API does (404 for another's refund, one outside the region or an
     * unknown one; 403 for other roles).
     */
    public Pdf refundReceipt(Actor actor, long refundId) {
        boolean payee = actor.is(Role.ENTERPRISE);
        RefundView v = payee
                ? refunds.mine(actor).stream().filter(r -> r.id() == refundId).findFirst()
                        .orElseThrow(() -> ApiException.notFound("refund", refundId))
                : refunds.get(actor, refundId);
        List<Row> rows = new ArrayList<>();
        if (payee) {
            rows.add(new Row("收款单位", DocumentTexts.or(parties.enterprise(actor, actor.org()).name())
                    + "（统一社会信用代码 " + actor.org() + "）"));
        }
        if (v.listingId() != null) {
            rows.add(new Row("挂牌编号", listings.publicGet(v.listingId()).listingNo()));
        }
        if (v.bidderNo() != null) {
            rows.add(new Row("竞买号", v.bidderNo()));
        }
        rows.add(new Row("退款金额", DocumentTexts.money(v.amount())));
        rows.add(new Row("退款原因", DocumentTexts.refundReason(v.reason())));
        rows.add(new Row("原入账交易", DocumentTexts.or(v.creditTransactionId())));
        rows.add(new Row("退回账户", DocumentTexts.or(v.payeeAccountMasked())));
        rows.add(new Row("应退日期", DocumentTexts.minute(v.dueBy())));
        if (v.open()) {
            rows.add(new Row("状态", v.overdue() ? "待退回（已逾期）" : "待退回"));
        } else {
            rows.add(new Row("状态", "已退回"));
            rows.add(new Row("银行退款交易", DocumentTexts.or(v.debitTransactionId())));
            rows.add(new Row("退回时间", DocumentTexts.minute(v.confirmedAt())));
        }
        DocumentContent doc = new DocumentContent(v.open() ? "退款通知" : "退款凭证", "REFUND-" + v.id(), config.issuer(),
                List.of(Section.rows("退款信息", rows)), null, null, refundNotes(payee), issued());
        return new Pdf("refund-" + v.id() + ".pdf",
                PdfRenderer.render(DocumentTemplate.xhtml(doc), List.of(), calendarNow()));
    }

    private List<String> refundNotes(boolean payee) {
        List<String> notes = new ArrayList<>();
        notes.add("退款原路无息退回付款账户；应退日期按 " + refundWorkingDays + " 个工作日计算。");
        if (!payee) {
            notes.add("本件为交易中心及监管部门所见：收款人只以挂牌编号及竞买号表示，退回账户只显示末四位，不显示竞买人身份。");
        }
        notes.add("本凭证依据平台退款记录及银行借记通知生成，以平台记录为准。");
        return notes;
    }

    // ---- parts shared by the documents ----------------------------------------------------------

    private List<Row> lot(ListingView l) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("标的名称", l.title()));
        rows.add(new Row("挂牌编号", l.listingNo()));
        rows.add(new Row("标的类型", DocumentTexts.asset(l.assetType())));
        rows.add(new Row("所在行政区划", l.regionCode()));
        rows.add(new Row("出让方", sellerName(l.sellerCode()) + "（行政区划代码 " + l.sellerCode() + "）"));
        rows.add(new Row("面积", DocumentTexts.area(l.lotArea())));
        if (l.lotPaddyArea() != null) {
            rows.add(new Row("其中水田面积", DocumentTexts.area(l.lotPaddyArea())));
        }
        if (l.lotGrainCapacityKg() != null) {
            rows.add(new Row("粮食产能", l.lotGrainCapacityKg() + " 千克"));
        }
        if (l.landUse() != null) {
            rows.add(new Row("土地用途", DocumentTexts.landUse(l.landUse())));
        }
        if (l.termYears() != null) {
            rows.add(new Row("使用年限", l.termYears() + " 年"));
        }
        if (l.description() != null && !l.description().isBlank()) {
            rows.add(new Row("标的说明", l.description()));
        }
        return rows;
    }

    private String sellerName(String code) {
        try {
            return parties.township(code).name();
        } catch (ApiException e) {
            return "—";
        }
    }

    /** The reserve price as the view shows it: its amount once public, else only whether there is one. */
    private static String reserve(ListingView l) {
        if (l.reservePrice() != null) {
            return DocumentTexts.money(l.reservePrice());
        }
        return l.hasReservePrice() ? "设有底价（成交前保密，结果公示时公布）" : "不设底价";
    }

    /** 竞买须知: the rules of domain.md, "Bidding" and "After the sale", with this listing's numbers. */
    private List<String> biddingRules(ListingView l) {
        List<String> rules = new ArrayList<>();
        rules.add("竞买人须为经交易中心核验的企业，并在报名截止时间（" + DocumentTexts.minute(l.registrationDeadline())
                + "）前通过平台报名；每一报名取得一个专属虚拟账号。");
        rules.add("竞买保证金 " + DocumentTexts.money(l.deposit()) + " 须由报名企业本人账户在截止时间前足额汇入其专属虚拟账号，"
                + "以银行到账时间为准；足额到账后取得竞买资格和竞买号。");
        rules.add("竞价全过程只显示竞买号，不显示竞买人身份；监管部门查看竞买人身份须说明理由，并记入公开审计日志。");
        if (l.saleFormat() == SaleFormat.SEALED_QUOTATION) {
            rules.add("本标的采用一次报价：挂牌期内每位竞买人提交一次密封报价（只提交报价承诺，即金额与随机盐的 SHA-256 摘要），"
                    + "挂牌截止后至 " + DocumentTexts.minute(l.revealDeadline()) + " 前揭示金额与随机盐；未按时揭示的报价无效。");
            rules.add("揭示截止后，不低于起始价且不低于底价的最高有效报价者竞得，报价相同的以先提交承诺者为准；否则流拍。");
        } else {
            rules.add("首次报价不得低于起始价 " + DocumentTexts.money(l.startPrice()) + "；此后每次报价不得低于当前最高报价加增价幅度 "
                    + DocumentTexts.money(l.increment()) + "；报价相同的，以平台先收到者为准。"
                    + (l.priceCap() == null ? "" : "报价达到最高限价 " + DocumentTexts.money(l.priceCap()) + " 即成交。"));
            rules.add("挂牌期满：无有效报价，或最高报价低于底价的，流拍；仅一家竞买人报价且不低于底价的，成交；两家以上竞买人报价的，"
                    + "进入限时竞价，每次有效报价重新计时 " + l.countdownSeconds() + " 秒，计时结束时最高报价不低于底价的成交。");
        }
        rules.add("设有底价的，底价在成交前保密，最高报价低于底价的不成交（《拍卖法》第二十八条、第五十条）。");
        rules.add("以平台服务器收到报价的时间为准。");
        rules.add("竞得人应按付款方式签订成交确认书并缴付价款，其竞买保证金抵作价款；逾期未签订或未付清的，竞买保证金不予退还，"
                + "并在一定期限内不得参与竞买。");
        rules.add("未竞得或标的未成交的，竞买保证金于 " + refundWorkingDays + " 个工作日内原路无息退还。");
        rules.add("挂牌公告、交易过程和成交结果均记入公开审计日志，任何人可独立验证。");
        return rules;
    }

    /** The proof box: what the attachment proves, against which checkpoint, and the QR code of the public proof. */
    private ProofBox proofBox(String heading, ListingEntriesView proved, ProofBundle bundle, String url, boolean mainProved,
            String mainType) {
        List<String> lines = new ArrayList<>();
        lines.add("本文件内附 proof.json：" + proved.entries().size() + " 条公开审计日志条目及其 Merkle 包含证明、"
                + "签名检查点（树大小 " + proved.treeSize() + "）与日志验证公钥，可离线验证（验证程序：verifier pdf <文件>）。");
        lines.add("附件载明的 " + bundle.facts().size() + " 项文件事实逐项对应日志条目字段，验证程序会逐项核对。");
        for (InclusionView e : proved.entries()) {
            lines.add("条目 #" + e.index() + "：" + typeOf(e) + "，叶哈希 " + hex(e.leafHash()));
        }
        if (!mainProved) {
            lines.add("注意：生成本文件时 " + mainType + " 条目尚未写入已签名的日志树，附件中无其证明；请稍后重新下载。");
        }
        lines.add("扫描二维码或访问下列地址，可在线获取该条目的包含证明：");
        return new ProofBox(heading, lines, QrCodes.pngDataUri(url), url);
    }

    private static PdfRenderer.Attachment proofAttachment(byte[] json) {
        return new PdfRenderer.Attachment("proof.json", "application/json",
                "公开审计日志条目、包含证明、签名检查点与验证公钥（" + ProofBundle.FORMAT + "）", json);
    }

    private static Optional<String> leafHashOf(ListingEntriesView proved, String type) {
        return proved.entries().stream().filter(e -> type.equals(typeOf(e))).findFirst().map(e -> hex(e.leafHash()));
    }

    /** The {@code type} of an entry (its canonical JSON bytes, base64). */
    private static String typeOf(InclusionView e) {
        try {
            return JSON.readTree(Base64.getDecoder().decode(e.entry())).path("type").asText();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static String hex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    private String proofUrl(String leafHashHex) {
        return config.publicUrl() + "/api/audit/proof-by-hash?hash=" + leafHashHex;
    }

    private String listingEntriesUrl(long listingId) {
        return config.publicUrl() + "/api/audit/listings/" + listingId + "/entries";
    }

    private static String number(ListingView l, TradeView t) {
        return l.listingNo() + "-T" + t.id();
    }

    private static List<String> notes() {
        return List.of("本文件由平台依据其记录生成，文字内容可复制提取；事实以平台公开数据及审计日志为准。");
    }

    private String issued() {
        return "生成时间：" + DocumentTexts.minute(Instant.now(clock).atZone(zone).toOffsetDateTime());
    }

    private java.util.Calendar calendarNow() {
        return PdfRenderer.calendar(Instant.now(clock), zone);
    }
}
