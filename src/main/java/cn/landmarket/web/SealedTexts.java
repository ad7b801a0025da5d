package cn.landmarket.web;

import cn.landmarket.auction.QuotationValidity;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the sealed quotation page ({@link QuotationPage}), used as {@code {sq:key}}. Chinese
 * here (the default), English in {@code messages/sq_en.properties}; the texts its script shows are
 * rendered into an inert {@code <template>}.
 */
@MessageBundle(value = "sq", locale = "zh-CN")
public interface SealedTexts {

    @Message("一次报价")
    String title();

    @Message("标的详情")
    String listing_link();

    @Message("报价进度")
    String phase_heading();

    @Message("{#when phase}{#is NOT_YET}公告期：挂牌起始后开始报价。{#is QUOTATION}报价期：合格竞买人提交密封报价（只提交承诺值，金额留在本人浏览器中）。{#is REVEAL}解密期：报价截止，竞买人公开报价金额和随机数。{#is OPENING}解密期已结束，即将开标。{#is SUSPENDED}交易已中止，暂不能报价或解密。{#is OPENED}已开标，结果见下表。{#is ENDED}交易已终止。{/when}")
    String phase(QuotationPage.Phase phase);

    @Message("报价期")
    String quotation_period();

    @Message("解密期")
    String reveal_window();

    @Message("底价")
    String reserve();

    @Message("设有底价，开标前保密")
    String reserve_secret();

    @Message("不设底价")
    String reserve_none();

    @Message("一次报价（密封报价）：每个合格竞买人在报价期内只能报价一次。浏览器把金额和一个随机数计算成承诺值（SHA-256），平台只收到承诺值，开标前任何人（包括平台和监管部门）都无法知道金额。报价截止后，竞买人在解密期内公开金额和随机数，平台核对与承诺值一致；未按时解密的报价无效。解密期结束时开标：不低于起始价的有效报价中最高者竞得（须不低于底价），金额相同的，先提交者竞得。全部过程记入公开审计日志，任何人都可以复算。")
    String how_it_works();

    @Message("我的报价")
    String mine_heading();

    @Message("登录后可以报价。")
    String standing_anonymous();

    @Message("登录")
    String sign_in();

    @Message("只有企业可以报价。")
    String standing_not_enterprise();

    @Message("贵单位未报名本宗交易。")
    String standing_not_registered();

    @Message("贵单位已报名，竞买保证金到账后方可报价。")
    String standing_awaiting_deposit();

    @Message("贵单位的竞买号：{no}")
    String your_bidder_no(String no);

    @Message("密封报价需要在浏览器中启用 JavaScript：报价金额在本机计算成承诺值，平台在解密前不接收金额，因此没有不用 JavaScript 的报价方式。")
    String needs_js();

    @Message("报价金额（元）")
    String amount_label();

    @Message("不得低于起始价 {start}。金额不会发送给平台，只保存在本浏览器中，并可下载备份文件；解密时需要用到。")
    String amount_hint(String start);

    @Message("密封并提交报价")
    String commit_button();

    @Message("承诺值")
    String commitment();

    @Message("提交时间")
    String committed_at();

    @Message("公开的金额")
    String revealed_amount();

    @Message("本浏览器保存了这份报价的金额和随机数：")
    String kept_yes();

    @Message("本浏览器没有这份报价的金额和随机数。解密时请使用备份文件，或手工填写。")
    String kept_no();

    @Message("下载备份文件（JSON）")
    String backup_link();

    @Message("备份文件含报价金额和随机数，解密前请妥善保管、不要交给他人；丢失则无法解密，报价无效。")
    String backup_hint();

    @Message("解密报价")
    String reveal_heading();

    @Message("填写提交报价时的金额和随机数（64 位十六进制）；本浏览器保存了的会自动填好，也可以载入备份文件。平台核对与承诺值一致后公开金额。")
    String reveal_intro();

    @Message("报价金额（元）")
    String reveal_amount();

    @Message("随机数（64 位十六进制）")
    String reveal_salt();

    @Message("载入备份文件")
    String reveal_file();

    @Message("公开报价")
    String reveal_button();

    @Message("{#when phase}{#is NOT_YET}挂牌起始后即可报价。{#is QUOTATION}—{#else}贵单位在本宗交易中没有报价。{/when}")
    String no_quotation(QuotationPage.Phase phase);

    @Message("全部报价")
    String list_heading();

    @Message("登录后可以查看各竞买号的承诺值，解密后的金额和开标结果。开标结果也记入公开审计日志。")
    String list_sign_in();

    @Message("暂无报价。")
    String list_empty();

    @Message("按提交顺序排列，只显示竞买号")
    String list_caption();

    @Message("序号")
    String col_sequence();

    @Message("竞买号")
    String col_bidder();

    @Message("金额")
    String col_amount();

    @Message("有效性")
    String col_validity();

    @Message("竞得")
    String col_winner();

    @Message("本单位")
    String mine();

    @Message("密封中")
    String sealed_amount();

    @Message("竞得")
    String winner();

    @Message("{#when v}{#is VALID}有效{#is BELOW_START}低于起始价，无效{#is NOT_REVEALED}未解密，无效{/when}")
    String validity(QuotationValidity v);

    @Message("本宗交易的审计日志条目（JSON）")
    String audit_entries();

    @Message("请输入金额，例如 12345678.90（最多两位小数）。")
    String js_amount_invalid();

    @Message("报价低于起始价，开标时无效。")
    String js_amount_below_start();

    @Message("此浏览器不能计算承诺值（需要 Web Crypto，须通过 HTTPS 访问）。")
    String js_no_crypto();

    @Message("已用本浏览器保存的金额和随机数填好。")
    String js_filled_browser();

    @Message("已用备份文件填好。")
    String js_filled_file();

    @Message("这个备份文件不是本报价的（承诺值不一致）。")
    String js_file_other();

    @Message("无法读取这个备份文件。")
    String js_file_unreadable();

    @Message("本浏览器无法保存金额和随机数（存储已满或被禁用），报价未提交。")
    String js_storage_failed();
}
