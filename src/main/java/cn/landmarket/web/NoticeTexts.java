package cn.landmarket.web;

import cn.landmarket.notification.EventType;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the notification pages ({@link NotificationPages}, {@link CentreDeadLettersPage}),
 * Chinese; the English ones are in {@code messages/nf_en.properties}. Templates write {@code {nf:key}}.
 */
@MessageBundle(value = "nf", locale = "zh-CN")
public interface NoticeTexts {

    // Preferences
    @Message("通知设置")
    String title();

    @Message("选择本单位通过哪些渠道、接收哪些事项的通知。通知只发给本单位，不含其他竞买人的身份。")
    String intro();

    @Message("已保存通知设置。")
    String saved();

    @Message("通知设置未保存：")
    String refused();

    @Message("接收渠道")
    String channels_legend();

    @Message("两种渠道都可不填；都不填时不发送任何通知。")
    String channels_note();

    @Message("电子邮箱")
    String email();

    @Message("例如 notice@example.cn，最多 254 个字符。")
    String email_hint();

    @Message("Webhook 地址")
    String webhook_url();

    @Message("本单位系统接收通知的 http 或 https 地址（建议 https）。清空则不再推送。")
    String webhook_url_hint();

    @Message("签名密钥")
    String webhook_secret();

    @Message("已设置签名密钥（出于安全不显示）。留空则保留原密钥，填写则替换。")
    String secret_set();

    @Message("尚未设置签名密钥。填写 Webhook 地址时须同时填写 16 至 200 个字符的密钥，用于签名每次推送。")
    String secret_unset();

    @Message("通知事项")
    String events_legend();

    @Message("目前为默认设置：接收本单位类别的全部事项。")
    String events_default();

    @Message("已按本单位的选择接收勾选的事项。全部勾选即恢复默认（以后新增的事项也会接收）。")
    String events_chosen();

    @Message("保存设置")
    String save();

    @Message("{#if name == 'email'}电子邮箱{#else if name == 'webhookUrl'}Webhook 地址{#else if name == 'webhookSecret'}签名密钥{#else}通知事项{/if}")
    String field_label(String name);

    @Message("{#when type}{#is REGISTRATION_ACCEPTED}注册或报名已受理{#is REGISTRATION_REFUSED}注册未通过审核{#is DEPOSIT_COUNTED}保证金已到账（部分）{#is QUALIFIED}已取得竞买资格{#is OUTBID}出价已被超过{#is TIMED_BIDDING_STARTED}限时竞价开始{#is COUNTDOWN_ENDING}限时竞价即将结束{#is WON}竞得{#is NOT_WON}未竞得{#is CONFIRMATION_DUE}请签署成交确认书{#is PAYMENT_DUE}请缴纳成交价款{#is PAYMENT_RECEIVED}价款已到账{#is DEFAULT_WARNING}违约预警{#is REFUND_INSTRUCTED}退款已安排{#is REFUND_PAID}退款已支付{#is REVIEW_OUTCOME}挂牌审核结果{#is SELLER_CONFIRMATION_DUE}请签署成交确认书（出让方）{#is TRADE_SETTLED}交易已结算{#is REVIEW_QUEUE}待审核挂牌{#is COLLUSION_SIGNAL}新的串通迹象{/when}")
    String event(EventType type);

    @Message("{#when type}{#is REGISTRATION_ACCEPTED}企业登记通过核验，或本单位对某标的的报名已受理。{#is REGISTRATION_REFUSED}企业登记未通过核验，附退回原因。{#is DEPOSIT_COUNTED}银行到账的保证金已计入报名（可能尚未缴足）。{#is QUALIFIED}保证金已缴足，取得竞买资格和竞买号。{#is OUTBID}本单位的最高出价已被他人超过。{#is TIMED_BIDDING_STARTED}挂牌期结束，已报名的标的进入限时竞价。{#is COUNTDOWN_ENDING}限时竞价倒计时即将结束，如需加价请尽快。{#is WON}本单位竞得标的。{#is NOT_WON}标的成交给他人或流拍，本单位未竞得。{#is CONFIRMATION_DUE}竞得后须在期限内签署成交确认书。{#is PAYMENT_DUE}成交确认书已签署，须在期限内缴纳成交价款。{#is PAYMENT_RECEIVED}成交价款已到账。{#is DEFAULT_WARNING}签署或付款期限将至，逾期即构成违约。{#is REFUND_INSTRUCTED}保证金退款已向银行发出指令。{#is REFUND_PAID}保证金退款已到本单位账户。{#is REVIEW_OUTCOME}本乡镇提交的挂牌已通过或被退回审核。{#is SELLER_CONFIRMATION_DUE}本乡镇的标的已成交，出让方须签署成交确认书。{#is TRADE_SETTLED}交易价款已结算。{#is REVIEW_QUEUE}辖区内有新的挂牌等待审核。{#is COLLUSION_SIGNAL}辖区内出现多家竞买人由同一账户缴纳保证金等串通迹象。{/when}")
    String event_explain(EventType type);

    // Messages
    @Message("最近的通知")
    String messages_title();

    @Message("共 {n} 条，最新的在前。")
    String messages_count(long n);

    @Message("还没有发给本单位的通知。")
    String messages_none();

    @Message("生成时间")
    String created();

    @Message("事项")
    String event_col();

    @Message("渠道")
    String channel_col();

    @Message("投递")
    String delivery_col();

    @Message("尝试次数")
    String attempts();

    @Message("最近的错误")
    String last_error();

    @Message("{#if channel == 'EMAIL'}电子邮件{#else if channel == 'WEBHOOK'}Webhook{#else}{channel}{/if}")
    String channel(String channel);

    @Message("{#when delivery}{#is DELIVERED}已送达{#is PENDING}待发送{#is RETRYING}重试中{#is DEAD}已放弃{/when}")
    String delivery(NotificationPages.Delivery delivery);

    @Message("未知事项 {name}")
    String unknown_event(String name);

    @Message("{at} 送达")
    String delivered_at(String at);

    @Message("下次尝试 {at}")
    String next_at(String at);

    @Message("{at} 放弃")
    String dead_at(String at);

    // Dead letters
    @Message("投递失败的通知")
    String dead_title();

    @Message("以下通知用尽了全部尝试仍未送达（最早的在前）。请先与收件单位核实其邮箱或 Webhook 地址；重新投递会按该单位当前的地址重新尝试。")
    String dead_intro();

    @Message("没有投递失败的通知。")
    String dead_none();

    @Message("共 {n} 条。")
    String dead_count(long n);

    @Message("收件单位")
    String recipient();

    @Message("放弃时间")
    String dead_col();

    @Message("重新投递")
    String replay();

    @Message("重新投递通知 {id}")
    String replay_label(String id);

    @Message("已重新投递通知 {id}：它将在下一轮投递中重新尝试，尝试次数从零计。")
    String replayed(String id);

    @Message("未能重新投递：")
    String replay_refused();

    @Message("待重新投递的失败通知")
    String home_dead();
}
