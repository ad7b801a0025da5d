package cn.landmarket.notification;

import cn.landmarket.common.security.Role;

/**
 * The events an organisation can be told about, each for one kind of organisation, with its
 * Chinese name (README, "Notifications"). By default an organisation receives every event of its
 * kind on every channel it has given an address for.
 */
public enum EventType {
    REGISTRATION_ACCEPTED(Role.ENTERPRISE, "注册或报名已受理"),
    REGISTRATION_REFUSED(Role.ENTERPRISE, "注册未通过审核"),
    DEPOSIT_COUNTED(Role.ENTERPRISE, "保证金已到账（部分）"),
    QUALIFIED(Role.ENTERPRISE, "已取得竞买资格"),
    OUTBID(Role.ENTERPRISE, "出价已被超过"),
    TIMED_BIDDING_STARTED(Role.ENTERPRISE, "限时竞价开始"),
    COUNTDOWN_ENDING(Role.ENTERPRISE, "限时竞价即将结束"),
    WON(Role.ENTERPRISE, "竞得"),
    NOT_WON(Role.ENTERPRISE, "未竞得"),
    CONFIRMATION_DUE(Role.ENTERPRISE, "请签署成交确认书"),
    PAYMENT_DUE(Role.ENTERPRISE, "请缴纳成交价款"),
    PAYMENT_RECEIVED(Role.ENTERPRISE, "价款已到账"),
    DEFAULT_WARNING(Role.ENTERPRISE, "违约预警"),
    REFUND_INSTRUCTED(Role.ENTERPRISE, "退款已安排"),
    REFUND_PAID(Role.ENTERPRISE, "退款已支付"),
    REVIEW_OUTCOME(Role.TOWNSHIP, "挂牌审核结果"),
    SELLER_CONFIRMATION_DUE(Role.TOWNSHIP, "请签署成交确认书（出让方）"),
    TRADE_SETTLED(Role.TOWNSHIP, "交易已结算"),
    REVIEW_QUEUE(Role.REGULATOR, "待审核挂牌"),
    COLLUSION_SIGNAL(Role.REGULATOR, "新的串通迹象");

    private final Role role;
    private final String title;

    EventType(Role role, String title) {
        this.role = role;
        this.title = title;
    }

    /** The kind of organisation this event is for; nobody else may subscribe to it. */
    public Role role() {
        return role;
    }

    /** Its name in Chinese, the start of every message's subject. */
    public String title() {
        return title;
    }
}
