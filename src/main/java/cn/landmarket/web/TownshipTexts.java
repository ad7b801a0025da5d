package cn.landmarket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the township console ({@link TownshipPages}), Chinese; the English ones are in
 * {@code messages/tw_en.properties}. Templates write {@code {tw:key}}.
 */
@MessageBundle(value = "tw", locale = "zh-CN")
public interface TownshipTexts {

    @Message("乡镇工作台")
    String home_title();

    @Message("本乡镇持有的指标证书和挂牌项目。从证书发起挂牌，提交主管部门审核，审核通过后按时公告。")
    String home_intro();

    @Message("持有的证书")
    String holdings_title();

    @Message("本乡镇目前没有持有证书。")
    String holdings_none();

    @Message("显示 {shown} 条，共 {total} 条")
    String shown_of(int shown, long total);

    @Message("证书编号")
    String cert_no();

    @Message("数量（平方米）")
    String quantity();

    @Message("可用")
    String available();

    @Message("{n} 平方米")
    String m2(String n);

    @Message("全部可挂牌")
    String holding_free();

    @Message("部分可挂牌")
    String holding_part();

    @Message("已全部转让")
    String holding_sold();

    @Message("挂牌中，已冻结")
    String holding_frozen();

    @Message("挂牌项目")
    String listings_title();

    @Message("还没有挂牌项目。")
    String listings_none();

    @Message("审核未通过（{at}）。")
    String review_rejected(String at);

    @Message("退回理由：")
    String review_reason();

    @Message("说明：")
    String status_reason();

    @Message("成交与价款")
    String trades_title();

    @Message("证书 {certNo}")
    String certificate_title(String certNo);

    @Message("以本证书挂牌")
    String list_this();

    @Message("本证书已无可挂牌的数量。")
    String nothing_to_list();

    @Message("数量")
    String quantity_title();

    @Message("项目")
    String dimension();

    @Message("总量")
    String total();

    @Message("挂牌冻结")
    String frozen();

    @Message("已转让")
    String transferred();

    @Message("面积（平方米）")
    String area_m2();

    @Message("水田面积（平方米）")
    String paddy_m2();

    @Message("粮食产能（千克）")
    String grain_kg();

    @Message("证书信息")
    String facts_title();

    @Message("来源项目")
    String source_project();

    @Message("所在行政区划代码")
    String region_code();

    @Message("有效期至")
    String valid_until();

    @Message("验收文号")
    String acceptance_doc();

    @Message("国家备案编号")
    String national_filing();

    @Message("计划年度")
    String plan_year();

    @Message("宗地代码")
    String parcel_code();

    @Message("最长出让年限")
    String max_term();

    @Message("{n} 年")
    String years(int n);

    @Message("县级备案日期")
    String county_filing();

    @Message("来源与去向")
    String lineage_title();

    @Message("证书的来历：最上层为原始发证，逐级向下为拆分出的证书；本证书下列出由它拆分转让出的证书。")
    String lineage_note();

    @Message("（本证书）")
    String this_certificate();

    @Message("乡镇 {code} 持有")
    String held_by_township(String code);

    @Message("企业 {code} 持有")
    String held_by_enterprise(String code);

    @Message("本证书的挂牌项目")
    String cert_listings_title();

    @Message("本证书还没有挂牌项目。")
    String cert_listings_none();

    @Message("新建挂牌")
    String new_listing_title();

    @Message("可挂牌面积 {n} 平方米")
    String available_now(String n);

    @Message("每一项的规则写在输入框下方。输入时，系统会按与正式提交相同的规则检查，并算出规则要求的日期；不开启脚本时，保存时检查。保存后为草稿，提交审核前可以修改。")
    String form_intro();

    @Message("标的")
    String legend_lot();

    @Message("价格与保证金")
    String legend_price();

    @Message("时间安排")
    String legend_schedule();

    @Message("成交后签约与付款")
    String legend_payment();

    @Message("时间均为北京时间。工作日按法定节假日和调休安排计算。")
    String schedule_intro();

    @Message("（选填）")
    String optional();

    @Message("{#when name}{#is 'certificateId'}证书{#is 'title'}标题{#is 'description'}说明{#is 'lotAreaM2'}挂牌面积（平方米）{#is 'lotPaddyAreaM2'}其中水田面积（平方米）{#is 'lotGrainCapacityKg'}粮食产能（千克）{#is 'termYears'}出让年限（年）{#is 'saleFormat'}交易方式{#is 'capAction'}达到最高限价时{#is 'runnerUpAward'}候补竞得{#is 'startPrice'}起始价（元）{#is 'increment'}加价幅度（元）{#is 'deposit'}竞买保证金（元）{#is 'priceCap'}最高限价（元）{#is 'reservePrice'}保留价（元）{#is 'announceAt'}公告发布时间{#is 'registrationDeadline'}报名截止时间{#is 'listingStart'}挂牌开始时间{#is 'listingEnd'}挂牌截止时间{#is 'countdownSeconds'}限时竞价倒计时（秒）{#is 'eligibleRegions'}竞买人所在地区{#is 'paymentTerms'}付款方式{#is 'paymentTerms.mode'}付款方式{#is 'paymentTerms.confirmWithinWorkingDays'}签署确认书期限（工作日）{#is 'paymentTerms.firstSharePercent'}首期比例（%）{#is 'paymentTerms.firstDueDays'}付款期限（日）{#is 'paymentTerms.balanceDueDays'}尾款期限（日）{#else}{name}{/when}")
    String field(String name);

    @Message("必填，不超过 200 字。")
    String rule_title();

    @Message("选填，不超过 4000 字。")
    String rule_description();

    @Message("整数平方米，大于 0，不超过本证书可挂牌的 {n} 平方米。")
    String rule_lot_area(String n);

    @Message("集体经营性建设用地须整宗出让：{n} 平方米。")
    String rule_lot_parcel(String n);

    @Message("其中的水田面积，整数平方米，不超过挂牌面积，也不超过本证书可挂牌的 {n} 平方米水田。")
    String rule_paddy(String n);

    @Message("随标的转让的粮食产能（千克），不超过本证书可挂牌的 {n} 千克。")
    String rule_grain(String n);

    @Message("1 至 {max} 年（证书年限和该用途法定最高年限中较短者）。")
    String rule_term(int max);

    @Message("集体经营性建设用地：须经集体经济组织成员（或成员代表）{num}/{den} 以上同意，且县级备案须在挂牌开始前至少 {days} 个工作日。")
    String rule_parcel(int num, int den, int days);

    @Message("以元为单位，最多两位小数，须大于 0。")
    String rule_start_price();

    @Message("每次加价的最小幅度，以元为单位，须大于 0。")
    String rule_increment();

    @Message("不低于起始价的 {min}%，不高于起始价的 {max}%。")
    String rule_deposit(int min, int max);

    @Message("选填。出价达到最高限价即成交。不低于起始价加一个加价幅度，不高于起始价的 {max}%。")
    String rule_price_cap(int max);

    @Message("选填，保密：截止前只有本乡镇和主管部门可见。不低于起始价；设了最高限价时不高于最高限价。")
    String rule_reserve();

    @Message("公告在此时发布，不得早于现在（须先通过审核）。")
    String rule_announce();

    @Message("公告发布后满 {days} 日才能开始挂牌竞价。")
    String rule_listing_start(int days);

    @Message("挂牌期至少 {days} 个工作日。")
    String rule_listing_end(int days);

    @Message("本证书有效期至 {date}，挂牌须在此前截止。")
    String rule_valid_until(java.time.LocalDate date);

    @Message("须晚于公告发布，且不晚于挂牌截止前 {days} 个工作日。")
    String rule_registration(int days);

    @Message("限时竞价阶段每次出价后重新计时的秒数，{min} 至 {max} 秒。")
    String rule_countdown(int min, int max);

    @Message("选填。可报名企业登记地的行政区划代码（或前缀，如 51、5107），用逗号分隔，不得重复，最多 50 个；留空则不限地区。")
    String rule_regions();

    @Message("公开增价竞价：挂牌期内公开出价，两个及以上竞买人时转入限时竞价。一次报价（密封报价）：每个竞买人只报价一次，浏览器只提交承诺值，挂牌截止后 {minutes} 分钟内解密，然后开标；一次报价不设最高限价，加价幅度和倒计时不起作用。交易方式向所有人公示。")
    String rule_sale_format(int minutes);

    @Message("解密截止（开标）")
    String reveal_deadline();

    @Message("公开增价竞价（挂牌 + 限时竞价）")
    String format_open();

    @Message("一次报价（密封报价，开标前金额保密）")
    String format_sealed();

    @Message("一次付清，或分首期和尾款两期付款。")
    String rule_mode();

    @Message("一次付清")
    String mode_full();

    @Message("分期付款")
    String mode_instalments();

    @Message("竞得人须在成交后 {min} 至 {max} 个工作日内签署成交确认书。")
    String rule_confirm(int min, int max);

    @Message("一次付清填 100；分期付款时首期不低于 {min}%，不超过 99%。")
    String rule_first_share(int min);

    @Message("签署确认书后多少日内付清（分期时为首期），不超过 {max} 日。")
    String rule_first_due(int max);

    @Message("仅分期付款填写：尾款期限须晚于首期，不超过 {max} 日。一次付清时留空。")
    String rule_balance_due(int max);

    @Message("按此公告时间，最早可于 {at} 开始挂牌竞价。")
    String implied_start(String at);

    @Message("按此开始时间，挂牌最早可于 {day} 截止。")
    String implied_end(String day);

    @Message("按此截止时间，报名最晚于 {day} 截止。")
    String implied_registration(String day);

    @Message("输入时会自动检查各项规则。")
    String check_pending();

    @Message("各项均符合规则，可以保存。")
    String check_ok();

    @Message("有 {n} 处不符合规则，见各项下方的说明。")
    String check_problems(int n);

    @Message("修改挂牌草稿")
    String edit_listing_title();

    @Message("保存修改")
    String save_changes();

    @Message("保存后草稿按新条件冻结地块：原来冻结的数量先释放，再按新数量冻结。草稿仍需提交审核。")
    String save_changes_note();

    @Message("修改条件")
    String edit_terms();

    @Message("删除草稿")
    String delete_draft();

    @Message("删除后草稿不再存在，它在证书上冻结的数量全部释放，可以重新挂牌。删除会记入审计日志，不能撤销。")
    String delete_draft_note();

    @Message("确认删除这份草稿")
    String delete_draft_confirm();

    @Message("草稿（挂牌 {id}）已删除，冻结的数量已释放回本证书。")
    String draft_deleted(long id);

    @Message("保存草稿")
    String save_draft();

    @Message("保存草稿会冻结挂牌面积；删除草稿或审核退回后解冻。")
    String save_note();

    @Message("证书")
    String its_certificate();

    @Message("下一步：提交审核")
    String draft_next_title();

    @Message("这是草稿。提交后由主管部门审核，审核期间不能修改。提交时会按当时的时间再检查一遍规则。")
    String draft_next();

    @Message("提交审核")
    String submit_review();

    @Message("已提交，等待主管部门审核。")
    String pending_note();

    @Message("审核结果")
    String review_title();

    @Message("挂牌面积已解冻。可按退回理由修改后重新挂牌。")
    String rejected_next();

    @Message("重新挂牌")
    String list_again();

    @Message("已终止")
    String terminated_title();

    @Message("挂牌已由主管部门终止，挂牌面积已解冻。")
    String terminated_next();

    @Message("由以下挂牌重新挂牌：")
    String relisted_from();

    @Message("已重新挂牌为：")
    String relisted_as();

    @Message("挂牌 {id}")
    String listing_link(long id);

    @Message("查看公开的公告页")
    String public_page();

    @Message("挂牌条件")
    String terms_title();

    @Message("未设")
    String none_set();

    @Message("{n} 秒")
    String seconds(int n);

    @Message("不限")
    String regions_any();

    @Message("成交后 {confirm} 个工作日内签署确认书，签署后 {days} 日内一次付清。")
    String payment_full(Integer confirm, Integer days);

    @Message("成交后 {confirm} 个工作日内签署确认书；签署后 {first} 日内付首期 {share}%，{balance} 日内付清尾款。")
    String payment_instalments(Integer confirm, Integer share, Integer first, Integer balance);

    @Message("提交审核时间")
    String submitted_at();

    @Message("审核时间")
    String reviewed_at();

    @Message("最高报价")
    String highest_bid();

    @Message("共 {n} 次出价")
    String bid_count(int n);

    @Message("成交")
    String trade_title();

    @Message("成交 {id}")
    String trade_link(long id);

    @Message("{#when status}{#is AWAITING_CONFIRMATION}待签署成交确认书{#is AWAITING_PAYMENT}待付款{#is SETTLED}已结算{#is DEFAULTED}违约{#is DECLINED}候补竞得人已放弃{/when}")
    String trade_status(cn.landmarket.settlement.TradeStatus status);

    @Message("重新挂牌")
    String relist_title();

    @Message("本次挂牌未能成交，可将同一标的重新挂牌：沿用原标题、面积、加价幅度、倒计时、地区和付款条件，生成新的草稿；起始价最多可比原起始价低 {n}%。原保留价已随结果公开，不会沿用。")
    String relist_intro(int n);

    @Message("最多比原起始价 {old} 低 {n}%。")
    String rule_relist_price(int n, String old);

    @Message("选填，保密。原保留价不会沿用。")
    String rule_relist_reserve();

    @Message("重新挂牌为草稿")
    String relist_button();

    @Message("待签署的成交确认书")
    String to_confirm_title();

    @Message("没有待签署的成交确认书。")
    String to_confirm_none();

    @Message("须于 {at} 前签署")
    String confirm_by(String at);

    @Message("成交价款")
    String proceeds_title();

    @Message("每宗成交的价款和付款情况（与交易接口向本乡镇提供的内容一致）；结算后，价款按资产类型的比例分配给农户、村集体和乡镇，分配记录取自公开的审计日志。")
    String proceeds_note();

    @Message("还没有成交。")
    String trades_none();

    @Message("挂牌项目")
    String listing();

    @Message("成交价")
    String price();

    @Message("保证金抵作价款")
    String deposit_credited();

    @Message("已付")
    String paid();

    @Message("未付")
    String outstanding();

    @Message("竞得人（统一社会信用代码）")
    String buyer();

    @Message("首期应付")
    String first_due();

    @Message("付清期限")
    String balance_due();

    @Message("结算时间")
    String settled_at();

    @Message("违约时间")
    String defaulted_at();

    @Message("成交确认书")
    String confirmation_title();

    @Message("签署期限")
    String confirm_deadline();

    @Message("出让方签署")
    String seller_confirmed();

    @Message("竞得人签署")
    String buyer_confirmed();

    @Message("尚未签署")
    String not_yet();

    @Message("请核对成交确认书全文。确认后，系统记录本乡镇已签署，签署内容以下列文本的 SHA-256 摘要为准。")
    String confirmation_intro();

    @Message("文本摘要（SHA-256）：")
    String confirmation_hash();

    @Message("确认并签署")
    String accept_button();

    @Message("价款分配")
    String split_title();

    @Message("结算后公布")
    String split_pending();

    @Message("结算时按资产类型的比例分配，记入公开的审计日志；此处显示日志中的记录。")
    String split_note();

    @Message("农户：")
    String split_farmers();

    @Message("村集体：")
    String split_collective();

    @Message("乡镇：")
    String split_township();

    @Message("还有 {n} 项必填内容未填写；填齐后按全部规则检查。")
    String check_unfilled(int n);

    // ---- a listing's runner-up and the outcomes of objections (issue 17) ----

    @Message("次高价候补")
    String runner_up_title();

    @Message("竞买号 {no}，报价 {price}")
    String runner_up_bid(String no, String price);

    @Message("{#when status}{#is HELD}保证金暂留，等待竞得人结算{#is RELEASED}竞得人已结算，候补保证金退还{#is OFFERED}竞得人违约，已按其报价向其候补成交{#is ACCEPTED}已接受候补成交{#is DECLINED}已放弃候补成交，标的可重新挂牌{#is DEFAULTED}候补成交后违约，标的可重新挂牌{#is LAPSED}竞得人违约时候补人已不符合条件，标的可重新挂牌{/when}")
    String runner_up_status(cn.landmarket.settlement.RunnerUpStatus status);

    @Message("结果异议")
    String objections_title();

    @Message("出让方只能看到异议的处理结果，看不到异议理由和异议人。")
    String objections_note();

    @Message("没有异议。")
    String objections_none();

    @Message("{#when status}{#is LODGED}待答复{#is UPHELD}异议成立{#is REJECTED}异议不成立{/when}")
    String objection_status(cn.landmarket.oversight.ObjectionStatus status);

    @Message("提出时间")
    String objection_lodged_at();

    @Message("答复时间")
    String objection_answered_at();

    @Message("结算")
    String objection_settlement();

    @Message("暂停中")
    String objection_suspending();

    @Message("暂停已于 {at} 解除")
    String objection_lifted(String at);

    @Message("出价达到最高限价时怎样处理（只在设有最高限价时起作用）。成交：达到最高限价的出价竞得，交易结束。限价摇号：竞价停止，合格竞买人可在 {entry} 分钟内接受最高限价参加摇号，再用 {reveal} 分钟公开各自的随机数，然后按公开的规则摇号，中签者以最高限价竞得；限价摇号须设最高限价，只用于公开增价竞价。分钟数按系统设置在拟定时写入挂牌。")
    String rule_cap_action(int entry, int reveal);

    @Message("达到最高限价的出价竞得，交易结束")
    String cap_end_sale();

    @Message("限价摇号（接受最高限价的合格竞买人摇号决定竞得人）")
    String cap_lottery();

    @Message("限价摇号：报名摇号 {entry} 分钟，公开随机数 {reveal} 分钟")
    String cap_lottery_windows(int entry, int reveal);

    @Message("选填。勾选后，竞得人违约时，标的由出价次高的合格竞买人按其本人最后有效出价候补竞得（有自己的签约和付款期限），不再直接释放；候补人放弃或也违约的，标的释放，可重新挂牌。")
    String rule_runner_up();

    @Message("竞得人违约时由次高出价人候补竞得")
    String runner_up_yes();

    @Message("不设候补：竞得人违约时标的释放")
    String runner_up_no();

    @Message("摇号报名截止")
    String lottery_entry_deadline();

    @Message("公开随机数截止（摇号）")
    String lottery_reveal_deadline();

    @Message("查看限价摇号")
    String lottery_page();
}
