package cn.landmarket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the lottery page ({@link LotteryPage}), used as {@code {lt:key}}. Chinese here (the
 * default), English in {@code messages/lt_en.properties}; the texts its script shows are rendered
 * into an inert {@code <template>}.
 */
@MessageBundle(value = "lt", locale = "zh-CN")
public interface LotteryTexts {

    @Message("限价摇号")
    String title();

    @Message("标的详情")
    String listing_link();

    @Message("摇号进度")
    String phase_heading();

    @Message("{#when phase}{#is ENTRY}报名期：出价已达到最高限价，竞价停止。合格竞买人可以接受最高限价报名摇号（只提交随机数的承诺值，随机数留在本人浏览器中）。{#is REVEAL}公开期：报名已截止，报名者公开各自的随机数。{#is DRAW_DUE}公开期已结束，即将摇号。{#is SUSPENDED}交易已中止，暂不能报名或公开；恢复后截止时间按中止时长顺延。{#is DRAWN}已摇号，中签者以最高限价竞得。{#is ENDED}交易已终止，未摇号。{/when}")
    String phase(LotteryPage.Phase phase);

    @Message("最高限价（成交价）")
    String cap();

    @Message("达到最高限价的竞买号")
    String cap_bidder();

    @Message("达到最高限价的时间")
    String opened_at();

    @Message("报名截止")
    String entry_deadline();

    @Message("公开随机数截止（摇号）")
    String reveal_deadline();

    @Message("平台随机数的承诺值")
    String platform_commitment();

    @Message("平台的随机数")
    String platform_contribution();

    @Message("摇号规则：出价达到最高限价时，平台生成自己的 32 字节随机数，只公布其承诺值（SHA-256）。合格竞买人在报名期内接受最高限价报名，浏览器生成 32 字节随机数，只提交承诺值 SHA-256(\"lm-lottery-v1\\n\" + 挂牌编号 + \"\\n\" + 竞买号 + \"\\n\" + 随机数)；达到最高限价的出价人自动参加。报名截止后，报名者在公开期内公开随机数，平台核对与承诺值一致。摇号时，种子 = SHA-256(\"lm-lottery-seed-v1\\n\" + 挂牌编号 + \"\\n\" + 按竞买号排序的每个已公开随机数“竞买号:随机数\\n” + \"PLATFORM:\" + 平台随机数)；把种子看作无符号大端整数，除以参加摇号的人数取余数，按竞买号排序（从 0 数起）对应的参加者中签。未公开随机数的报名者仍参加摇号，只是其随机数不计入种子。只有一人参加的，报名截止时直接竞得。全部输入和结果记入公开审计日志，任何人都可以复算。")
    String rule();

    @Message("我的摇号")
    String mine_heading();

    @Message("登录后可以报名摇号。")
    String standing_anonymous();

    @Message("登录")
    String sign_in();

    @Message("只有企业可以报名摇号。")
    String standing_not_enterprise();

    @Message("贵单位未报名本宗交易，不能参加摇号。")
    String standing_not_registered();

    @Message("贵单位的竞买保证金未到账，不能参加摇号。")
    String standing_awaiting_deposit();

    @Message("贵单位的竞买号：{no}")
    String your_bidder_no(String no);

    @Message("贵单位的出价达到最高限价，已自动参加摇号；也可以提交自己的随机数，使其计入种子。")
    String cap_bidder_note();

    @Message("报名摇号需要在浏览器中启用 JavaScript：随机数在本机生成并计算成承诺值，平台在公开期前不接收随机数，因此没有不用 JavaScript 的报名方式。")
    String needs_js();

    @Message("接受最高限价 {cap}，参加摇号：浏览器生成一个随机数，只把它的承诺值发给平台；随机数保存在本浏览器中，并可下载备份文件，公开期内需要用到。中签即以最高限价竞得，须按期签约付款。")
    String enter_intro(String cap);

    @Message("接受最高限价并报名摇号")
    String enter_button();

    @Message("承诺值")
    String commitment();

    @Message("报名时间")
    String entered_at();

    @Message("公开的随机数")
    String revealed_contribution();

    @Message("本浏览器保存了这次报名的随机数。")
    String kept_yes();

    @Message("本浏览器没有这次报名的随机数。公开时请使用备份文件，或手工填写。")
    String kept_no();

    @Message("下载备份文件（JSON）")
    String backup_link();

    @Message("备份文件含随机数，公开前请妥善保管、不要交给他人；丢失则无法公开，随机数不计入种子（仍参加摇号）。")
    String backup_hint();

    @Message("公开随机数")
    String reveal_heading();

    @Message("填写报名时生成的随机数（64 位十六进制）；本浏览器保存了的会自动填好，也可以载入备份文件。平台核对与承诺值一致后公开。")
    String reveal_intro();

    @Message("随机数（64 位十六进制）")
    String reveal_contribution();

    @Message("载入备份文件")
    String reveal_file();

    @Message("公开随机数")
    String reveal_button();

    @Message("{#when phase}{#is ENTRY}—{#else}贵单位没有参加本次摇号。{/when}")
    String not_entered(LotteryPage.Phase phase);

    @Message("参加摇号的竞买人")
    String list_heading();

    @Message("登录后可以查看各参加者的竞买号、承诺值、公开的随机数和摇号结果。摇号结果也记入公开审计日志。")
    String list_sign_in();

    @Message("按竞买号排序，只显示竞买号")
    String list_caption();

    @Message("竞买号")
    String col_bidder();

    @Message("参加方式")
    String col_how();

    @Message("随机数")
    String col_contribution();

    @Message("中签")
    String col_winner();

    @Message("达到最高限价")
    String how_cap();

    @Message("接受最高限价报名")
    String how_entered();

    @Message("达到最高限价，并提交了随机数")
    String how_cap_entered();

    @Message("未公开")
    String not_revealed();

    @Message("本单位")
    String mine();

    @Message("中签")
    String winner();

    @Message("摇号结果")
    String result_heading();

    @Message("种子")
    String seed();

    @Message("参加人数")
    String entrant_count();

    @Message("中签序号（从 0 数起）")
    String winner_index();

    @Message("中签竞买号")
    String winner_bidder();

    @Message("摇号时间")
    String drawn_at();

    @Message("只有一名参加者，报名截止时直接以最高限价竞得，未摇号。")
    String single_entrant();

    @Message("贵单位中签，以最高限价竞得，请按期签署成交确认书并付款。")
    String you_won();

    @Message("我的交易")
    String my_trades();

    @Message("本宗交易的审计日志条目（JSON）")
    String audit_entries();

    @Message("此浏览器不能计算承诺值（需要 Web Crypto，须通过 HTTPS 访问）。")
    String js_no_crypto();

    @Message("已用本浏览器保存的随机数填好。")
    String js_filled_browser();

    @Message("已用备份文件填好。")
    String js_filled_file();

    @Message("这个备份文件不是本次报名的（承诺值不一致）。")
    String js_file_other();

    @Message("无法读取这个备份文件。")
    String js_file_unreadable();

    @Message("本浏览器无法保存随机数（存储已满或被禁用），未报名。")
    String js_storage_failed();
}
