package cn.landmarket.web;

import cn.landmarket.escrow.RegistrationStatus;
import cn.landmarket.settlement.TradeStatus;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the regulator's console ({@link RegulatorPages} and its sibling pages), Chinese; the
 * English ones are in {@code messages/rg_en.properties}. Templates write {@code {rg:key}}.
 */
@MessageBundle(value = "rg", locale = "zh-CN")
public interface RegulatorTexts {

    @Message("监管台")
    String title();

    @Message("本辖区待审核的挂牌与进行中的挂牌。每项决定都与接口的决定相同，并写入审计日志。")
    String intro();

    @Message("监管台导航")
    String nav_label();

    @Message("审核与监管")
    String nav_console();

    @Message("颁发证书")
    String nav_certificate();

    @Message("串通线索")
    String nav_signals();

    @Message("市场统计")
    String nav_statistics();

    @Message("{#when what}{#is 'approved'}已通过审核。{#is 'rejected'}已退回。{#is 'suspended'}已中止。{#is 'resumed'}已恢复。{#is 'terminated'}已终止。{/when}")
    String done(String what);

    @Message("（{n} 项）")
    String count(long n);

    @Message("（{n} 项）")
    String items(int n);

    @Message("待审核")
    String queue_title();

    @Message("乡镇提交的挂牌，审核通过后按公告时间发布；退回须说明理由，标的随之解冻。")
    String queue_intro();

    @Message("没有待审核的挂牌。")
    String queue_empty();

    @Message("进行中与已中止")
    String live_title();

    @Message("中止须说明理由，期间计时停止；恢复后各时点顺延；终止须说明理由并经确认，标的随之解冻。")
    String live_intro();

    @Message("没有进行中或已中止的挂牌。")
    String live_empty();

    @Message("审核通过")
    String approve();

    @Message("退回…")
    String reject_link();

    @Message("中止理由")
    String suspend_reason();

    @Message("中止")
    String suspend();

    @Message("恢复")
    String resume();

    @Message("终止…")
    String terminate_link();

    @Message("理由")
    String status_reason();

    @Message("出让乡镇")
    String seller();

    @Message("保留价")
    String reserve_price();

    @Message("公告时间")
    String announce_at();

    @Message("提交时间")
    String submitted_at();

    @Message("退回挂牌")
    String reject_title();

    @Message("终止挂牌")
    String terminate_title();

    @Message("退回后挂牌不能再审核，标的解冻；理由将告知乡镇并公开。")
    String reject_warning();

    @Message("终止不可撤销：挂牌结束，标的解冻；理由将告知乡镇、竞买人并公开。")
    String terminate_warning();

    @Message("理由（必填）")
    String reason_label();

    @Message("最多 1000 字。")
    String reason_hint();

    @Message("确认退回")
    String reject_confirm();

    @Message("确认终止")
    String terminate_confirm();

    @Message("取消")
    String cancel();

    @Message("挂牌档案 {no}")
    String dossier_title(String no);

    @Message("最高出价")
    String highest_bid();

    @Message("出价次数")
    String bid_count();

    @Message("审核人")
    String reviewed_by();

    @Message("查看竞买人身份")
    String reveal_title();

    @Message("出价与报名只以竞买号显示。查看竞买号背后的企业须说明理由；每次查看本身都写入审计日志（何人、何时、为何、哪些竞买号）。")
    String reveal_intro();

    @Message("查看身份…")
    String reveal_open();

    @Message("此次查看将写入审计日志，记录您的机构、时间、理由（以承诺值公开）和所涉竞买号。")
    String reveal_warning();

    @Message("查看理由（必填）")
    String reveal_reason_label();

    @Message("最多 200 字。")
    String reveal_reason_hint();

    @Message("记录并查看")
    String reveal_confirm();

    @Message("竞买人身份")
    String identities_title();

    @Message("此次查看已写入审计日志，约一秒内出现在挂牌档案的日志条目中。")
    String reveal_logged();

    @Message("查看日志条目")
    String reveal_log_link();

    @Message("统一社会信用代码")
    String enterprise_code();

    @Message("企业名称")
    String enterprise_name();

    @Message("法定代表人")
    String legal_representative();

    @Message("联系人")
    String contact_person();

    @Message("联系电话")
    String contact_phone();

    @Message("状态变更")
    String history_title();

    @Message("时间")
    String at();

    @Message("原状态")
    String from_status();

    @Message("新状态")
    String to_status();

    @Message("操作方")
    String by();

    @Message("理由")
    String reason();

    @Message("报名")
    String registrations_title();

    @Message("竞买号")
    String bidder_no();

    @Message("报名状态")
    String registration_status();

    @Message("{#when status}{#is AWAITING_DEPOSIT}待交保证金{#is QUALIFIED}已取得竞买资格{/when}")
    String registration_status_of(RegistrationStatus status);

    @Message("已收保证金")
    String deposit_received();

    @Message("报名时间")
    String registered_at();

    @Message("出价")
    String bids_title();

    @Message("序号")
    String sequence();

    @Message("金额")
    String amount();

    @Message("仅显示前 {n} 条。")
    String first_page_only(int n);

    @Message("成交")
    String trade_title();

    @Message("成交状态")
    String trade_status();

    @Message("{#when status}{#is AWAITING_CONFIRMATION}待签署成交确认书{#is AWAITING_PAYMENT}待付款{#is SETTLED}已结算{#is DEFAULTED}违约{/when}")
    String trade_status_of(TradeStatus status);

    @Message("买受人")
    String buyer();

    @Message("成交价")
    String price();

    @Message("已付")
    String paid();

    @Message("尚无成交。")
    String no_trade();

    @Message("无。")
    String none();

    @Message("审计日志条目")
    String log_title();

    @Message("每一条目都在您的浏览器中核对：条目内容的哈希、它在签名检查点的默克尔树中的包含证明，以及检查点的 Ed25519 签名。")
    String log_intro();

    @Message("正在核对…")
    String log_running();

    @Message("全部条目已核对无误。")
    String log_verified();

    @Message("有条目未通过核对。")
    String log_failed();

    @Message("无法读取审计日志的公钥或检查点，未能核对。")
    String log_unreachable();

    @Message("另有 {n} 条刚写入的条目约一秒后计入日志，刷新本页即可看到。")
    String log_pending(long n);

    @Message("序号")
    String log_index();

    @Message("类型")
    String log_type();

    @Message("核对")
    String log_check();

    @Message("未核对（需要脚本）")
    String log_unchecked();

    @Message("{#when family}{#is 'listing'}挂牌状态{#is 'bid'}出价{#is 'identity'}查看身份{#is 'countdown'}倒计时{#is 'deposit'}保证金{#is 'refund'}退款{#is 'notice'}通知{#else}其他{/when}")
    String log_type_of(String family);

    @Message("已验证")
    String check_verified();

    @Message("未通过")
    String check_failed();
}
