package cn.landmarket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the verification page ({@link VerifyPage}), Chinese; the English ones are in
 * {@code messages/verify_en.properties}. Templates write {@code {verify:key}}; the texts its script
 * shows are rendered into an inert {@code <template>} for the script to copy from.
 */
@MessageBundle(value = "verify", locale = "zh-CN")
public interface VerifyTexts {

    @Message("验证收据")
    String title();

    @Message("粘贴出价或成交的收据，本页在您的浏览器中核对它的条目确实记录在公开的审计日志中，且该日志由交易中心签名，不需要信任本站的答复。")
    String intro();

    @Message("要验证的内容")
    String form_legend();

    @Message("收据、日志条目或叶哈希")
    String input_label();

    @Message("可粘贴出价收据或成交公示（API 返回的 JSON）、审计接口返回的日志条目（JSON），或 64 位十六进制的叶哈希。")
    String input_hint();

    @Message("或：条目序号")
    String index_label();

    @Message("验证")
    String submit();

    @Message("格式不正确，已忽略。")
    String field_ignored();

    @Message("验证结果")
    String result_title();

    @Message("验证如何进行")
    String how_title();

    @Message("本页的脚本从公开的审计接口读取条目、它的包含证明、最新的已签名检查点和验证密钥，然后用浏览器自带的 WebCrypto 核对三件事：")
    String how_intro();

    @Message("条目的原始字节经 SHA-256 计算出的叶哈希（RFC 9162：SHA-256(0x00‖条目)）与收据中的叶哈希相同；")
    String how_entry();

    @Message("包含证明从这个叶哈希出发，逐层计算（SHA-256(0x01‖左‖右)）得到检查点中该树大小的根哈希；")
    String how_inclusion();

    @Message("检查点（C2SP 签名笔记格式）的 Ed25519 签名能用公布的验证密钥核对通过。")
    String how_signature();

    @Message("三项都成立时才显示“已验证”；否则说明哪一项未通过。")
    String how_verdict();

    @Message("本页的验证需要 JavaScript。未启用 JavaScript 时，可使用下面的离线验证程序。")
    String noscript();

    @Message("离线验证")
    String offline_title();

    @Message("本页的脚本同样由本站提供。若要完全不依赖本站，请使用离线验证程序 land-market-<版本>-verifier.jar（需要 Java 17 或更高版本）：它下载并核对整个日志的每一条目和每一个已签名检查点，并保存检查点以便下次证明日志只增不改。用法见项目说明（README）中“Audit log”一节。交易中心随每个版本公布该程序及其 SHA-256。")
    String offline_text();

    @Message("java -jar land-market-<版本>-verifier.jar https://<交易中心地址> audit-checkpoint.txt")
    String offline_command();

    // Texts the script shows (copied from an inert template).

    @Message("正在验证……")
    String js_running();

    @Message("已验证")
    String js_verified();

    @Message("条目的内容、它在日志中的位置和检查点的签名都已在您的浏览器中核对无误。")
    String js_verified_detail();

    @Message("未通过验证")
    String js_not_verified();

    @Message("条目内容与叶哈希一致")
    String js_check_entry();

    @Message("包含证明通向检查点的根哈希")
    String js_check_inclusion();

    @Message("检查点的签名由公布的密钥签署")
    String js_check_signature();

    @Message("通过")
    String js_passed();

    @Message("未通过")
    String js_failed();

    @Message("未能检查")
    String js_skipped();

    @Message("条目内容与叶哈希不符：条目被改动过，或收据中的叶哈希不属于这条条目。")
    String js_fail_entry();

    @Message("包含证明不成立：从这条条目算不出检查点的根哈希，不能证明它在已签名的日志中。")
    String js_fail_inclusion();

    @Message("检查点的签名无效：检查点不是由公布的密钥签署的，或签署后被改动过。")
    String js_fail_signature();

    @Message("公布的验证密钥格式不正确，无法核对签名。")
    String js_fail_key();

    @Message("检查点的格式不正确，无法读出树大小和根哈希。")
    String js_fail_checkpoint();

    @Message("已签名的日志中没有这条条目。刚被接受的出价约一秒后才进入日志，请稍后重试；若一直找不到，收据可能被改动过。")
    String js_not_found();

    @Message("日志还没有已签名的检查点，请稍后重试。")
    String js_no_checkpoint();

    @Message("无法读取审计日志，请稍后重试。")
    String js_unreachable();

    @Message("无法识别输入：请粘贴出价或成交收据（JSON）、日志条目（JSON），或 64 位十六进制的叶哈希。")
    String js_bad_input();

    @Message("此浏览器不能核对 Ed25519 签名（WebCrypto），无法在浏览器中验证；请使用离线验证程序。")
    String js_no_webcrypto();

    @Message("条目内容")
    String js_entry_title();

    @Message("类型")
    String js_type();

    @Message("时间（北京时间）")
    String js_time();

    @Message("操作者")
    String js_actor();

    @Message("事实")
    String js_facts();

    @Message("以 Fen 结尾的金额已由分换算为元；以 Commitment 结尾的是对不公开事实的承诺（哈希）。")
    String js_facts_note();

    @Message("技术细节")
    String js_details();

    @Message("条目序号")
    String js_index();

    @Message("树大小")
    String js_tree_size();

    @Message("叶哈希（十六进制）")
    String js_leaf_hash();

    @Message("根哈希（base64）")
    String js_root_hash();

    @Message("日志名称")
    String js_origin();

    @Message("验证密钥（请与交易中心另行公布的密钥比对）")
    String js_key();

    @Message("条目原文（JSON）")
    String js_raw();

    @Message("空")
    String js_null();

    // Entry types, by the part before the dot (the code is shown beside them).

    @Message("出价已被接受")
    String type_bid_accepted();

    @Message("挂牌状态变为：")
    String type_listing();

    @Message("限时竞价")
    String type_countdown();

    @Message("竞买报名")
    String type_registration();

    @Message("保证金")
    String type_deposit();

    @Message("成交与结算")
    String type_trade();

    @Message("资金划转")
    String type_transfer();

    @Message("退款")
    String type_refund();

    @Message("银行通知")
    String type_notice();

    @Message("指标证书")
    String type_certificate();

    @Message("企业")
    String type_enterprise();

    @Message("竞买人身份")
    String type_identity();

    @Message("交易日历")
    String type_calendar();
}
