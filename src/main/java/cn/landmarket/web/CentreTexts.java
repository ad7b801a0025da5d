package cn.landmarket.web;

import cn.landmarket.bank.ManualNoticeStatus;
import cn.landmarket.bank.NoticeKind;
import cn.landmarket.bank.NoticeOutcome;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the trading centre's console (the {@code Centre*Page} classes), Chinese; the English
 * ones are in {@code messages/ct_en.properties}. Templates write {@code {ct:key}}.
 */
@MessageBundle(value = "ct", locale = "zh-CN")
public interface CentreTexts {

    // Console
    @Message("交易中心工作台")
    String console_title();

    // Manual notices
    @Message("人工录入到账")
    String notices_title();

    @Message("银行推送未到时，由一名操作员按银行对账单录入到账或出账记录；须由另一名操作员核对后批准，记录才生效。")
    String notices_intro();

    @Message("录入对账单记录")
    String notices_enter_title();

    @Message("录入")
    String notices_enter_submit();

    @Message("待复核的录入")
    String notices_waiting_title();

    @Message("没有待复核的录入。")
    String notices_none_waiting();

    @Message("共 {n} 条待复核")
    String notices_waiting_count(long n);

    @Message("已录入第 {id} 号记录，等待另一名操作员复核。")
    String notices_done_entered(long id);

    @Message("已批准第 {id} 号记录。处理结果：")
    String notices_done_approved(long id);

    @Message("已退回第 {id} 号记录。")
    String notices_done_rejected(long id);

    @Message("第 {id} 号记录未能处理：")
    String notices_refused(long id);

    @Message("批准")
    String notices_approve();

    @Message("退回")
    String notices_reject();

    @Message("退回理由")
    String notices_reason();

    @Message("录入人")
    String notices_entered_by();

    @Message("录入时间")
    String notices_entered_at();

    @Message("编号")
    String notices_id();

    @Message("处理")
    String notices_decide();

    @Message("金额为人民币元，最多两位小数，不加千分位，例如 4000000.00。")
    String notices_amount_hint();

    @Message("北京时间，格式 2026-12-04 10:30:00。")
    String notices_booked_at_hint();

    @Message("{#when field}{#is 'transactionId'}银行交易流水号{#is 'kind'}收支方向{#is 'account'}账号{#is 'amount'}金额（元）"
            + "{#is 'counterpartyName'}对方户名{#is 'counterpartyAccount'}对方账号{#is 'bookedAt'}记账时间"
            + "{#is 'reference'}附言{#is 'reason'}退回理由{#else}{field}{/when}")
    String notice_field(String field);

    @Message("{#when kind}{#is CREDIT}入账（保证金或价款）{#is DEBIT}出账（退款等）{/when}")
    String notice_kind(NoticeKind kind);

    @Message("{#when status}{#is PENDING_APPROVAL}待复核{#is APPROVED}已批准{#is REJECTED}已退回{/when}")
    String notice_status(ManualNoticeStatus status);

    @Message("{#when outcome}{#is UNMATCHED}未匹配{#is WRONG_PAYER}付款人不符{#is LATE}逾期到账{#is EXCESS}超额"
            + "{#is PARTIAL}部分到账{#is QUALIFIED}保证金已到账{#is REFUND_CONFIRMED}退款已确认"
            + "{#is DEBIT_UNMATCHED}出账未匹配{#is PAYMENT_PARTIAL}价款部分到账{#is PAYMENT_COMPLETE}价款已付清"
            + "{#is PAYMENT_REFUSED}价款被拒收{#is DUPLICATE}重复记录{#is MISMATCH}与已记账记录不符，待人工处理{/when}")
    String notice_outcome(NoticeOutcome outcome);

    // Dev sign-in: a second operator
    @Message("以其他操作员身份登录（仅开发和测试环境）")
    String signin_operator_other();

    @Message("操作员名称")
    String signin_operator_name();
}
