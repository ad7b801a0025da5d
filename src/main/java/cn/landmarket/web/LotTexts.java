package cn.landmarket.web;

import java.math.BigDecimal;

import cn.landmarket.asset.HolderKind;
import cn.landmarket.asset.LandUse;
import cn.landmarket.oversight.ResultView;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the lot page ({@link ListingPage}) and the published results ({@link ResultsPage}), used as
 * {@code {lot:key}}. Chinese here (the default), English in {@code messages/lot_en.properties}.
 */
@MessageBundle(value = "lot", locale = "zh-CN")
public interface LotTexts {

    @Message("标的")
    String lot_heading();

    @Message("所在行政区划代码")
    String region_code();

    @Message("出让方（乡镇）")
    String seller();

    @Message("其中水田面积")
    String paddy_area();

    @Message("粮食产能")
    String grain_capacity();

    @Message("{n} 千克")
    String kg(String n);

    @Message("土地用途")
    String land_use();

    @Message("{#when use}{#is INDUSTRIAL}工业{#is COMMERCIAL_TOURISM_ENTERTAINMENT}商业、旅游、娱乐{#is EDUCATION_SCIENCE_CULTURE_HEALTH_SPORTS}教育、科技、文化、卫生、体育{#is RESIDENTIAL}住宅{#is OTHER}其他{/when}")
    String land_use_name(LandUse use);

    @Message("出让年期")
    String term();

    @Message("{n} 年")
    String years(int n);

    @Message("指标证书编号（系统号）")
    String certificate();

    @Message("来源与权属沿革")
    String source_heading();

    @Message("来源项目")
    String source_project();

    @Message("证书沿革（由近及远）")
    String lineage();

    @Message("本证书")
    String lineage_this();

    @Message("上级证书")
    String lineage_parent();

    @Message("已拆分出的证书")
    String lineage_children();

    @Message("{#when kind}{#is TOWNSHIP}乡镇{#is ENTERPRISE}企业{/when} {code}")
    String holder(HolderKind kind, String code);

    @Message("证书的来源项目、持有人和沿革只向持证乡镇、辖区自然资源主管部门和交易中心公开；公开审计日志以承诺值记录这些信息，并公开证书系统号及其上级证书。")
    String source_not_public();

    @Message("规划条件")
    String planning_heading();

    @Message("容积率 {min} – {max}")
    String plot_ratio(BigDecimal min, BigDecimal max);

    @Message("建筑密度不高于 {v}%")
    String building_density(BigDecimal v);

    @Message("绿地率不低于 {v}%")
    String green_ratio(BigDecimal v);

    @Message("建筑限高 {v} 米")
    String height_limit(BigDecimal v);

    @Message("本宗交易的审计日志条目（JSON）")
    String audit_entries();

    @Message("交易条件")
    String terms_heading();

    @Message("增价幅度")
    String increment();

    @Message("最高限价")
    String price_cap();

    @Message("不设最高限价")
    String no_price_cap();

    @Message("底价")
    String reserve();

    @Message("设有底价，成交前保密")
    String reserve_secret();

    @Message("不设底价")
    String reserve_none();

    @Message("交易方式")
    String format();

    @Message("网上挂牌，公开增价竞价；挂牌截止时有两个及以上竞买人报价的，转入限时竞价（每次有效报价后倒计时 {seconds} 秒）")
    String format_text(int seconds);

    @Message("一次报价（密封报价）：报价期内每个合格竞买人只报价一次，报价截止后在解密期内公开，解密期结束时开标")
    String format_sealed();

    @Message("报价截止（开始解密）")
    String quotation_end();

    @Message("解密截止（开标）")
    String reveal_deadline();

    @Message("进入一次报价页面")
    String quotation_link();

    @Message("一次报价：每个合格竞买人在报价期内只能提交一次报价，且只提交承诺值（金额和随机数的 SHA-256，在竞买人浏览器中计算），开标前任何人都无法知道金额；报价不得低于起始价 {start}。")
    String rule_sealed(String start);

    @Message("报价截止后，竞买人须在解密期内公开金额和随机数，与承诺值一致方为有效；未按时解密的报价无效，其保证金按规定处理。解密期结束时开标：有效报价中最高者竞得（须不低于底价），金额相同的，先提交者竞得；没有有效报价或最高报价低于底价的，流拍。开标依据全部记入公开审计日志，任何人都可以复算。")
    String rule_sealed_open();

    @Message("付款方式")
    String payment();

    @Message("签订成交确认书后 {days} 日内一次付清")
    String payment_full(int days);

    @Message("签订成交确认书后 {first} 日内支付 {share}%，余款在 {balance} 日内付清")
    String payment_instalments(int share, int first, Object balance);

    @Message("当前最高报价")
    String highest_bid();

    @Message("有效报价次数")
    String bid_count();

    @Message("时间安排")
    String schedule_heading();

    @Message("时间安排（北京时间）")
    String schedule_caption();

    @Message("事项")
    String event();

    @Message("时间")
    String time();

    @Message("公告发布")
    String announced_at();

    @Message("挂牌起始（开始报价）")
    String listing_start();

    @Message("报名截止")
    String registration_closes();

    @Message("竞买保证金到账截止（以银行入账时间为准）")
    String deposit_deadline();

    @Message("挂牌截止（报价结束）")
    String listing_end();

    @Message("限时竞价倒计时截止")
    String countdown_deadline();

    @Message("交易结束")
    String closed_at();

    @Message("竞买人范围")
    String eligible_heading();

    @Message("注册地行政区划代码以下列代码开头的企业可以报名：")
    String eligible_intro();

    @Message("行政区划代码 {code}…")
    String eligible_region(String code);

    @Message("不限地域。")
    String eligible_any();

    @Message("交易规则")
    String rules_heading();

    @Message("竞买企业须经交易中心核验后方可报名，并须在报名截止前完成报名。")
    String rule_verified();

    @Message("报名截止时间不得晚于挂牌截止前 {days} 个工作日（工作日按交易中心公布的工作日历计算，含调休）。")
    String rule_registration(int days);

    @Message("每个报名各有一个专属虚拟账户。竞买保证金 {deposit} 须由企业本单位账户全额汇入，并在报名截止前到账，方取得竞买号。")
    String rule_deposit(String deposit);

    @Message("竞买保证金为起始价的 {min}% 至 {max}%。")
    String rule_deposit_range(int min, int max);

    @Message("竞价期间只显示竞买号，不显示竞买人名称；竞得人在交易结束后公示。")
    String rule_anonymous();

    @Message("首次报价不得低于起始价 {start}，此后每次报价不得低于当前最高报价加增价幅度 {increment}；报价相同的，先报者有效。")
    String rule_bids(String start, String increment);

    @Message("报价达到最高限价 {cap} 时交易结束。")
    String rule_cap(String cap);

    @Message("设有底价的，底价在交易结束前保密；最高报价低于底价的，不成交。")
    String rule_reserve();

    @Message("挂牌截止时：无有效报价，或最高报价低于底价的，流拍；只有一个竞买人报价且不低于底价的，成交；两个及以上竞买人报价的，转入限时竞价，每次有效报价后倒计时重新计为 {seconds} 秒，倒计时结束时最高报价者竞得。")
    String rule_close(int seconds);

    @Message("报价时间以本平台服务器接收报价的时间为准。")
    String rule_clock();

    @Message("未竞得人的竞买保证金在 {days} 个工作日内原路退还，不计利息；竞得人的保证金抵作成交价款。")
    String rule_refund(int days);

    @Message("竞得人须在交易结束后 {days} 个工作日内签订成交确认书。")
    String rule_confirm(int days);

    @Message("竞得人逾期不签订成交确认书或不付清价款的，保证金不予退还，且 {days} 日内不得参加竞买。")
    String rule_default(int days);

    @Message("价款付清后，平台拆分指标证书，向竞得人核发新证书。")
    String rule_transfer();

    @Message("本宗交易的操作")
    String actions();

    @Message("进入竞价室（实时报价）")
    String room_link();

    @Message("报名竞买")
    String register_link();

    @Message("登录后报名竞买")
    String sign_in_to_register();

    @Message("成交结果")
    String result_heading();

    @Message("竞得人")
    String buyer();

    @Message("成交价")
    String price();

    @Message("流拍")
    String unsold();

    @Message("全部成交公示")
    String all_results();

    @Message("成交公示")
    String results_title();

    @Message("交易结束后即公示结果：成交的，公示竞得人和成交价；流拍的，注明流拍。每条结果都链接到记录交易结束的审计日志条目，任何人都可以核验。")
    String results_intro();

    @Message("共 {total} 条")
    String results_total(long total);

    @Message("暂无成交公示。")
    String results_empty();

    @Message("{#when outcome}{#is SOLD}成交{#is UNSOLD}流拍{#is RELEASED}违约，标的已释放{/when}")
    String outcome(ResultView.Outcome outcome);

    @Message("标的已释放，可重新挂牌")
    String released();

    @Message("候补竞得")
    String runner_up_award();

    @Message("{#when step}{#is OFFERED}竞得人违约，标的按候补竞得人自己的报价转由其承接（待确认）{#is ACCEPTED}竞得人违约，候补竞得人已确认承接{#is DECLINED}竞得人违约，候补竞得人放弃承接{#is DEFAULTED}竞得人违约，候补竞得人亦违约{#is LAPSED}竞得人违约，已无符合条件的候补竞得人{/when}")
    String runner_up_step(ResultView.RunnerUpAward.Step step);

    @Message("出让方")
    String seller_name();

    @Message("成交日期")
    String closed_on();

    @Message("异议")
    String objections();

    @Message("异议期至")
    String objection_period_ends();

    @Message("异议情况")
    String objection_outcomes();

    @Message("{#if lodged == 0}未收到异议{#else}收到异议 {lodged} 项：待答复 {pending} 项，成立 {upheld} 项，不成立 {rejected} 项{#if suspended}；结算已暂停{/if}{/if}")
    String objection_tally(long lodged, long pending, long upheld, long rejected, boolean suspended);

    @Message("核验审计日志条目")
    String verify_entry();

    @Message("审计日志条目正在写入，稍后可核验。")
    String entry_pending();

    @Message("标的详情")
    String lot_details();

    @Message("报价达到最高限价 {cap} 时竞价停止，转入限价摇号：合格竞买人在 {entry} 分钟内接受最高限价并提交随机数的承诺值报名摇号（达到最高限价的出价人自动参加），此后 {reveal} 分钟内公开随机数，然后以全部公开的随机数和平台的随机数计算种子摇号，中签者以最高限价竞得；未公开随机数的报名者仍参加摇号。")
    String rule_cap_lottery(String cap, int entry, int reveal);

    @Message("达到最高限价时")
    String cap_action();

    @Message("交易结束，达到最高限价的出价竞得")
    String cap_end_sale();

    @Message("限价摇号（报名 {entry} 分钟，公开随机数 {reveal} 分钟）")
    String cap_lottery(int entry, int reveal);

    @Message("候补竞得")
    String runner_up();

    @Message("竞得人违约时，由出价次高的合格竞买人按其本人最后有效出价候补竞得")
    String runner_up_yes();

    @Message("不设候补，竞得人违约时标的释放")
    String runner_up_no();

    @Message("竞得人违约的，标的由出价次高（不低于底价）的竞买人按其本人最后有效出价候补竞得，候补人另有签约和付款期限；候补人放弃或违约的，标的释放。")
    String rule_runner_up();

    @Message("进入限价摇号页面")
    String lottery_link();

    @Message("摇号报名截止")
    String lottery_entry_deadline();

    @Message("公开随机数截止（摇号）")
    String lottery_reveal_deadline();
}
