package cn.landmarket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the enterprise's own pages ({@link EnterprisePages}, {@link RegistrationPages},
 * {@link TradePages}), Chinese; the English ones are in {@code messages/ent_en.properties}. Templates
 * write {@code {ent:key}}.
 */
@MessageBundle(value = "ent", locale = "zh-CN")
public interface EntTexts {

    @Message("我的企业")
    String my_title();

    @Message("企业信息")
    String org_title();

    @Message("统一社会信用代码")
    String credit_code();

    @Message("企业名称")
    String org_name();

    @Message("核验状态")
    String verification();

    @Message("登记地行政区划代码")
    String region_code();

    @Message("说明")
    String status_reason();

    @Message("尚未在平台登记")
    String org_unregistered();

    @Message("企业须先在平台登记，经交易中心核验后才能报名竞买。")
    String org_register_first();

    @Message("登记企业信息")
    String org_register_link();

    @Message("修改后重新提交登记")
    String org_resubmit_link();

    @Message("登记已提交，正在等待交易中心核验。")
    String org_pending_note();

    @Message("我的报名")
    String registrations_title();

    @Message("还没有报名。")
    String registrations_none();

    @Message("查看交易公告，选择要报名的标的")
    String find_listings();

    @Message("我的成交")
    String trades_title();

    @Message("还没有成交。")
    String trades_none();

    @Message("应退款项")
    String refunds_title();

    @Message("没有应退给本企业的款项。")
    String refunds_none();

    @Message("交易中心应退还本企业的保证金和多付款项，退回原付款账户。")
    String refunds_intro();

    @Message("标的")
    String listing();

    @Message("状态")
    String status();

    @Message("竞买号")
    String bidder_no();

    @Message("保证金")
    String deposit();

    @Message("已到账")
    String deposit_received();

    @Message("金额")
    String amount();

    @Message("退款编号")
    String refund_no();

    @Message("原因")
    String refund_reason();

    @Message("收款账户")
    String payee_account();

    @Message("应退日期")
    String due_by();

    @Message("待退款")
    String refund_open();

    @Message("已逾期")
    String refund_overdue();

    @Message("已退款（{at}）")
    String refund_paid(String at);

    @Message("{#when reason}{#is UNMATCHED}无对应报名的来款{#is WRONG_PAYER}非本企业账户付款{#is LATE}逾期到账{#is EXCESS}超出保证金或已具备资格后付款{#is NOT_WINNER}未竞得，退还保证金{#is OVERPAYMENT}超额付款{#is PAYMENT_NOT_ACCEPTED}交易不再接受付款{/when}")
    String refund_reason_of(cn.landmarket.escrow.RefundReason reason);

    @Message("{#when status}{#is PENDING}待核验{#is VERIFIED}已核验{#is REJECTED}未通过核验{/when}")
    String enterprise_status(cn.landmarket.party.EnterpriseStatus status);

    @Message("{#when status}{#is AWAITING_DEPOSIT}待缴保证金{#is QUALIFIED}已取得竞买资格{/when}")
    String registration_status(cn.landmarket.escrow.RegistrationStatus status);

    @Message("{#when status}{#is AWAITING_CONFIRMATION}待签署成交确认书{#is AWAITING_PAYMENT}待付款{#is SETTLED}已结算{#is DEFAULTED}违约{#is DECLINED}候补竞得人已放弃{/when}")
    String trade_status(cn.landmarket.settlement.TradeStatus status);

    @Message("{#when condition}{#is ENTERPRISE_REGISTERED}企业已在平台登记{#is ENTERPRISE_VERIFIED}企业已通过核验{#is REGION}企业登记地属于可报名地区{#is NOT_BARRED}企业未被限制报名{#is LISTING_OPEN}标的处于公告期或挂牌期{#is BEFORE_DEADLINE}报名尚未截止{#is NOT_REGISTERED}本企业尚未报名此标的{/when}")
    String condition(cn.landmarket.auction.Eligibility.Condition condition);

    @Message("满足")
    String met();

    @Message("不满足")
    String unmet();

    @Message("企业登记")
    String register_title();

    @Message("填写本企业的登记信息。提交后由交易中心核验，核验通过后方可报名竞买。")
    String register_intro();

    @Message("企业")
    String register_org_legend();

    @Message("联系人")
    String register_contact_legend();

    @Message("银行账户")
    String register_bank_legend();

    @Message("保证金和价款须从本企业名下的账户支付，退款也退回该账户；账户名称须与企业名称一致。")
    String register_bank_note();

    @Message("提交登记")
    String register_submit();

    @Message("本企业已登记：")
    String register_done();

    @Message("{#if name == 'creditCode'}统一社会信用代码{#else if name == 'name'}企业名称{#else if name == 'legalRepresentative'}法定代表人{#else if name == 'contactPerson'}联系人{#else if name == 'contactPhone'}联系电话{#else if name == 'address'}地址{#else if name == 'bankName'}开户银行{#else if name == 'bankAccountName'}账户名称{#else if name == 'bankAccountNo'}银行账号{#else}{name}{/if}")
    String field_label(String name);

    @Message("18 位：数字和除 I、O、Z、S、V 以外的大写字母；第 3 至 8 位为登记管理机关的行政区划代码；第 18 位为按 GB 32100-2015 计算的校验码。")
    String cc_rule();

    @Message("请输入统一社会信用代码。")
    String cc_empty();

    @Message("已输入 {n} 位，应为 18 位。")
    String cc_length(String n);

    @Message("第 {pos} 位“{c}”不是允许的字符：只能是数字和除 I、O、Z、S、V 以外的大写字母。")
    String cc_char(String pos, String c);

    @Message("第 {pos} 位“{c}”是小写字母，请改为大写。")
    String cc_lower(String pos, String c);

    @Message("第 {pos} 位应为数字：第 3 至 8 位是行政区划代码。")
    String cc_division(String pos);

    @Message("校验码不符：按前 17 位计算，第 18 位应为“{expected}”，输入的是“{actual}”。请核对各位是否抄错。")
    String cc_check(String expected, String actual);

    @Message("格式和校验码正确。")
    String cc_ok();

    @Message("报名竞买")
    String registration_title();

    @Message("可报名地区（行政区划代码前缀）")
    String eligible_regions();

    @Message("不限")
    String regions_any();

    @Message("报名条件")
    String eligibility_title();

    @Message("报名后请在截止时间前缴纳竞买保证金 {deposit}，全额到账后取得竞买资格。")
    String register_note(String deposit);

    @Message("报名")
    String register_button();

    @Message("暂不能报名：请见上面未满足的条件。")
    String not_eligible();

    @Message("缴纳保证金")
    String deposit_title();

    @Message("已报名。请从本企业名下的银行账户，将保证金转入下列账户（虚拟账号为本次报名专用）：")
    String deposit_intro();

    @Message("收款户名")
    String pay_account_name();

    @Message("开户银行")
    String pay_bank();

    @Message("收款账号（虚拟账号）")
    String pay_virtual_account();

    @Message("金额")
    String pay_amount();

    @Message("到账截止")
    String pay_deadline();

    @Message("非本企业账户付款或逾期到账的款项不计入保证金，将原路退回；多付部分退回。")
    String deposit_rules();

    @Message("复制")
    String copy();

    @Message("已复制。")
    String copied();

    @Message("无法复制，请手动选择文字复制。")
    String copy_failed();

    @Message("到账情况")
    String deposit_status_title();

    @Message("已到账 {received}，应缴 {deposit}。")
    String deposit_progress(String received, String deposit);

    @Message("银行到账通知送达后，本页会自动更新。")
    String deposit_waiting();

    @Message("刷新")
    String refresh();

    @Message("保证金已全额到账，已取得竞买资格。竞买号：{bidderNo}")
    String qualified(String bidderNo);

    @Message("进入竞价室")
    String enter_room();

    @Message("成交")
    String trade();

    @Message("成交 #{id}")
    String trade_no(long id);

    @Message("成交价")
    String price();

    @Message("尚欠")
    String outstanding();

    @Message("保证金抵作价款")
    String deposit_credited();

    @Message("已付")
    String paid();

    @Message("成交确认书")
    String confirmation_title();

    @Message("以下是成交确认书的全文。签署即表示本企业接受其中全部条款；签署的正是这段文字（以其 SHA-256 哈希记录）。")
    String confirmation_intro();

    @Message("文本的 SHA-256：")
    String confirmation_hash();

    @Message("签署截止")
    String confirm_deadline();

    @Message("出让方签署")
    String seller_confirmed();

    @Message("本企业签署")
    String buyer_confirmed();

    @Message("尚未签署")
    String not_yet();

    @Message("签署成交确认书")
    String accept_button();

    @Message("付款")
    String payment_title();

    @Message("双方签署确认书后开始计算付款期限。")
    String payment_after_confirmation();

    @Message("请从本企业名下的账户付款；超出尚欠金额的部分将退回。")
    String payment_rules();

    @Message("首期应付")
    String first_due();

    @Message("付清期限")
    String balance_due();

    @Message("结算完成")
    String settled_at();

    @Message("违约时间")
    String defaulted_at();

    @Message("结算暂停")
    String settlement_suspended();

    @Message("异议成立，结算自此暂停：暂停期间不受理确认和付款（付款将退回），各项期限停止计算，解除暂停后顺延。")
    String settlement_suspended_note();

    // ---- a runner-up's offer and objections to results (issue 17) ----

    @Message("候补成交")
    String runner_up_offer_title();

    @Message("原竞得人违约（未按期签约或付款），本标的按您最后一次有效报价向您候补成交。您可在确认期限内接受成交确认书，也可以放弃。")
    String runner_up_offer_intro();

    @Message("您的最后有效报价（成交价）")
    String runner_up_price();

    @Message("放弃不算违约：不扣保证金、不限制报名，保证金按未竞得退还，已付款项退还；标的解除冻结，可由出让方重新挂牌。")
    String runner_up_decline_rules();

    @Message("放弃候补成交…")
    String decline_link();

    @Message("确认放弃候补成交")
    String decline_title();

    @Message("放弃后不能撤回，本标的不再向您成交。")
    String decline_warning();

    @Message("放弃此次成交")
    String decline_button();

    @Message("返回，不放弃")
    String decline_cancel();

    @Message("放弃时间")
    String declined_at();

    @Message("结果异议")
    String objections_title();

    @Message("您对已公布结果提出的异议及其处理情况。")
    String objections_intro();

    @Message("尚未提出异议。")
    String objections_none();

    @Message("对结果提出异议")
    String objection_title();

    @Message("竞买人可在结果公示期内对成交结果提出异议，写明理由；每个竞买人对同一结果只能提出一次。异议理由只有您和监管部门可见，公开结果只显示异议数量和处理结果。")
    String objection_intro();

    @Message("成交结果")
    String objection_outcome();

    @Message("{#when outcome}{#is SOLD}成交{#is UNSOLD}流拍{#is RELEASED}违约，标的已释放{/when}")
    String result_outcome(cn.landmarket.oversight.ResultView.Outcome outcome);

    @Message("公示期截止")
    String objection_period_ends();

    @Message("公示期已结束，不能再提出异议。")
    String objection_period_over();

    @Message("此标的尚无结果，结果公布后才能提出异议。")
    String objection_no_result();

    @Message("异议理由")
    String objection_reasons();

    @Message("最多 {n} 字。")
    String objection_reasons_hint(int n);

    @Message("提交异议")
    String objection_submit();

    @Message("异议已提交，等待监管部门答复。")
    String objection_lodged();

    @Message("提出时间")
    String objection_lodged_at();

    @Message("{#when status}{#is LODGED}待答复{#is UPHELD}异议成立{#is REJECTED}异议不成立{/when}")
    String objection_status(cn.landmarket.oversight.ObjectionStatus status);

    @Message("监管答复")
    String objection_answer();

    @Message("答复时间")
    String objection_answered_at();

    @Message("结算已因此暂停")
    String objection_suspends();

    @Message("暂停已解除")
    String objection_lifted();

    @Message("提出异议或查看异议")
    String objection_link();
}
