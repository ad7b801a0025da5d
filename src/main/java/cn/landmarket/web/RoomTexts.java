package cn.landmarket.web;

import cn.landmarket.listing.ListingStatus;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the bidding room ({@link RoomPage}), Chinese; the English ones are in
 * {@code messages/room_en.properties}. Templates write {@code {room:key}}; the texts its script shows
 * are rendered into an inert {@code <template>} for the script to copy from ({@code §1}, {@code §2} mark
 * where the script puts its values).
 */
@MessageBundle(value = "room", locale = "zh-CN")
public interface RoomTexts {

    @Message("竞价室")
    String title();

    @Message("标的详情")
    String listing_link();

    @Message("行情")
    String quote_title();

    @Message("当前价")
    String current_price();

    @Message("暂无出价")
    String no_bid_yet();

    @Message("领先竞买号")
    String leading_bidder();

    @Message("出价次数")
    String bid_count();

    @Message("加价幅度")
    String increment();

    @Message("最高限价")
    String price_cap();

    @Message("不设")
    String no_cap();

    @Message("本标的设有保留价，成交前不公开。")
    String reserve_secret();

    @Message("{#when status}{#is ANNOUNCED}距挂牌开始{#is LISTING}距挂牌期结束{#is TIMED_BIDDING}限时竞价剩余"
            + "{#else}截止时间{/when}")
    String countdown_label(ListingStatus status);

    @Message("{days} 天")
    String days(String days);

    @Message("倒计时以交易中心服务器的时间为准，与本设备的时钟无关。")
    String countdown_note();

    @Message("本页需要 JavaScript 才能实时更新；未启用时请刷新页面查看最新行情。")
    String noscript();

    @Message("正在连接实时行情……")
    String conn_connecting();

    @Message("实时行情已连接")
    String conn_live();

    @Message("连接中断，正在重新连接……")
    String conn_reconnecting();

    @Message("已重新连接，断线期间的出价已补齐")
    String conn_caught_up();

    @Message("新出价：竞买号 §1 出价 §2")
    String js_announce_bid();

    @Message("竞价状态变为：§1")
    String js_announce_status();

    // History and chart

    @Message("出价记录")
    String history_title();

    @Message("最新的出价在最上面；仅显示最近 {count} 次出价。")
    String history_latest(int count);

    @Message("序号")
    String col_sequence();

    @Message("竞买号")
    String col_bidder();

    @Message("出价")
    String col_amount();

    @Message("受理时间")
    String col_time();

    @Message("阶段")
    String col_phase();

    @Message("本企业")
    String mine();

    @Message("暂无出价。")
    String no_bids();

    @Message("价格走势")
    String chart_title();

    @Message("出价价格随时间变化的折线图；各次出价见下方出价记录表。")
    String chart_label();

    // Bidding

    @Message("出价")
    String bid_title();

    @Message("已取得竞买资格的企业登录后可在此出价。")
    String standing_anonymous();

    @Message("登录")
    String sign_in();

    @Message("只有竞买企业可以出价。")
    String standing_not_enterprise();

    @Message("贵企业未报名本标的，不能出价。报名和缴纳竞买保证金请到标的页面办理。")
    String standing_not_registered();

    @Message("贵企业已报名本标的，但竞买保证金尚未到账。保证金到账、取得竞买资格后方可出价。")
    String standing_awaiting_deposit();

    @Message("前往标的页面")
    String go_listing();

    @Message("贵企业的竞买号：{no}")
    String your_bidder_no(String no);

    @Message("当前不在竞价期，不能出价。")
    String not_open();

    @Message("已达最高限价，不能再加价。")
    String cap_reached();

    @Message("出价金额（元）")
    String amount_label();

    @Message("当前最低可出价 {minimum}，加价幅度 {increment}。")
    String amount_hint(String minimum, String increment);

    @Message("金额大写")
    String capitals_label();

    @Message("请输入金额，例如 22000000 或 22000000.50（最多两位小数）。")
    String amount_invalid();

    @Message("加价一个幅度（+{increment}）")
    String raise(String increment);

    @Message("下一步：核对出价")
    String review();

    @Message("确认出价")
    String confirm_title();

    @Message("请核对出价金额。确认后出价即提交，被受理后不能撤回。")
    String confirm_text();

    @Message("出价金额")
    String confirm_amount();

    @Message("确认出价")
    String confirm_button();

    @Message("修改金额")
    String change();

    @Message("出价未被受理")
    String refused_title();

    @Message("下方已填入可以受理的金额。")
    String refused_retry();

    @Message("出价已被受理")
    String receipt_title();

    @Message("这是贵企业这笔出价的收据；出价已记入公开的审计日志，可随时验证。")
    String receipt_intro();

    @Message("出价序号")
    String receipt_sequence();

    @Message("出价金额")
    String receipt_amount();

    @Message("受理时间")
    String receipt_time();

    @Message("审计日志叶哈希")
    String receipt_leaf();

    @Message("在审计日志中验证这笔出价")
    String receipt_verify();

    @Message("竞价已达到最高限价，转入限价摇号：进入摇号页面")
    String lottery_link();
}
