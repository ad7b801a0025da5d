package cn.landmarket.web;

import cn.landmarket.bank.ManualNoticeStatus;
import cn.landmarket.bank.NoticeKind;
import cn.landmarket.bank.NoticeOutcome;
import cn.landmarket.bank.NoticeSource;
import cn.landmarket.party.OrganisationImport.ImportOutcome;
import cn.landmarket.party.OrganisationImport.SkipReason;
import cn.landmarket.party.OrganisationKind;
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

    @Message("{#when source}{#is FEED}银行推送{#is MANUAL}人工录入{/when}")
    String notice_source(NoticeSource source);

    // Mismatches
    @Message("到账不一致")
    String mismatches_title();

    @Message("同一账号、同一记账时间已有一条从另一来源计入的记录，但金额或付款账号不同：这条记录被暂挂，两条都不会重复计入。"
            + "请将两边与银行对账单核对，不一致之处已标出。")
    String mismatches_intro();

    @Message("没有暂挂的不一致记录。")
    String mismatches_none();

    @Message("共 {n} 条暂挂")
    String mismatches_count(long n);

    @Message("有 {n} 条到账与已记账记录不一致，待核对")
    String notices_mismatches_link(long n);

    @Message("流水 {tx} 与已计入记录的对照")
    String mismatches_caption(String tx);

    @Message("项目")
    String mismatches_field();

    @Message("暂挂的记录")
    String mismatches_held();

    @Message("已计入的记录")
    String mismatches_counted();

    @Message("来源")
    String mismatches_source();

    @Message("收到时间")
    String mismatches_received();

    @Message("处理结果")
    String mismatches_outcome();

    @Message("批准人")
    String mismatches_approved_by();

    // Dev sign-in: a second operator
    @Message("以其他操作员身份登录（仅开发和测试环境）")
    String signin_operator_other();

    @Message("操作员名称")
    String signin_operator_name();

    // Organisations
    @Message("组织机构")
    String orgs_title();

    @Message("交易中心登记的区县、乡镇和监管部门。乡镇须已登记并启用，才能在平台发布交易。")
    String orgs_intro();

    @Message("从 CSV 导入区县和乡镇")
    String orgs_import_title();

    @Message("先试运行：列出每一行将如何处理，不写入任何数据；确认无误后再执行导入，要么全部写入，要么一行都不写入。")
    String orgs_import_intro();

    @Message("CSV 内容（UTF-8）")
    String orgs_csv();

    @Message("每行一个行政区划代码和名称，以逗号分隔，可有标题行。例如：510722201,新建镇")
    String orgs_csv_hint();

    @Message("试运行")
    String orgs_dry_run();

    @Message("试运行结果")
    String orgs_dry_run_title();

    @Message("执行导入")
    String orgs_apply();

    @Message("以下数据将按试运行结果写入。")
    String orgs_apply_note();

    @Message("文件有误，请改正后重新试运行；有误的文件不能导入。")
    String orgs_fix_first();

    @Message("行号")
    String orgs_line();

    @Message("处理结果")
    String orgs_outcome();

    @Message("登记组织机构")
    String orgs_register_title();

    @Message("登记")
    String orgs_register();

    @Message("操作")
    String orgs_actions();

    @Message("区县")
    String orgs_counties();

    @Message("乡镇")
    String orgs_townships();

    @Message("监管部门")
    String orgs_regulators();

    @Message("行政区划代码")
    String org_code();

    @Message("区县 6 位，乡镇 9 位，监管部门为其辖区的 6 位代码。")
    String org_code_hint();

    @Message("名称")
    String org_name();

    @Message("类别")
    String org_kind_col();

    @Message("状态")
    String org_state();

    @Message("启用")
    String org_active();

    @Message("已停用")
    String org_inactive();

    @Message("更名")
    String org_rename();

    @Message("停用")
    String org_deactivate();

    @Message("启用")
    String org_reactivate();

    @Message("共 {n} 个")
    String orgs_count(long n);

    @Message("原名 {name}")
    String orgs_was(String name);

    @Message("第 {n} 行")
    String orgs_line_n(String n);

    @Message("{code} 的新名称")
    String org_new_name(String code);

    @Message("导入完成：新增区县 {counties} 个、乡镇 {townships} 个，更名 {renamed} 个。")
    String orgs_imported(int counties, int townships, int renamed);

    @Message("新增 {create} 行，更名 {rename} 行，不变 {unchanged} 行，跳过 {skipped} 行，有误 {invalid} 行。")
    String orgs_dry_run_counts(int create, int rename, int unchanged, int skipped, int invalid);

    @Message("{#when field}{#is 'code'}行政区划代码{#is 'name'}名称{#else}{field}{/when}")
    String org_field(String field);

    @Message("{#when action}{#is 'registered'}已登记 {code}。{#is 'renamed'}已为 {code} 更名。{#is 'deactivated'}已停用 {code}。{#is 'reactivated'}已启用 {code}。{/when}")
    String orgs_changed(String action, String code);

    @Message("{#when kind}{#is COUNTY}区县{#is TOWNSHIP}乡镇{#is REGULATOR}监管部门{/when}")
    String org_kind(OrganisationKind kind);

    @Message("{#when outcome}{#is CREATE}新增{#is RENAME}更名{#is UNCHANGED}不变{#is SKIPPED}跳过{#is INVALID}有误{/when}")
    String import_outcome(ImportOutcome outcome);

    @Message("{#when skip}{#is ABOVE_COUNTY}省、市级代码不导入{#is BELOW_TOWNSHIP}村级代码不导入{#is DEACTIVATED}已停用，导入不更名也不启用{/when}")
    String import_skip(SkipReason skip);


    // Enterprises
    @Message("企业核验")
    String ents_title();

    @Message("企业在平台登记后，须经交易中心核对其营业执照、法定代表人和本名银行账户，核验通过后才能报名竞买。")
    String ents_intro();

    @Message("没有待核验的企业。")
    String ents_none();

    @Message("待核验企业（{n} 家）")
    String ents_waiting(long n);

    @Message("信用代码校验通过（含校验码）")
    String ents_code_valid();

    @Message("校验码应为 {expected}，实为 {actual}。")
    String ents_code_expected(String expected, String actual);

    @Message("（与企业名称不一致）")
    String ents_account_name_differs();

    @Message("登记时间")
    String ents_registered_at();

    @Message("核验通过")
    String ents_approve();

    @Message("退回")
    String ents_reject();

    @Message("退回理由")
    String ents_reason();

    @Message("{#when problem}{#is BLANK}信用代码为空{#is WRONG_LENGTH}信用代码不是 18 位{#is ILLEGAL_CHARACTER}信用代码含不允许的字符{#is BAD_DIVISION_CODE}第 3 至 8 位不是行政区划代码{#is BAD_CHECK_CHARACTER}校验码错误{/when}")
    String ents_code_problem(cn.landmarket.party.CreditCode.Problem problem);

    @Message("{#when decision}{#is APPROVE}{code} 已核验通过。{#is REJECT}{code} 已退回。{/when}")
    String ents_reviewed(String code, cn.landmarket.party.ReviewDecision decision);


    // Refunds
    @Message("待退款项")
    String refunds_title();

    @Message("托管账户尚未退还的款项，按应退时间先后排列；逾期未退的标红。银行退款到账后，由银行推送或人工录入的出账记录确认。")
    String refunds_intro();

    @Message("没有待退款项。")
    String refunds_none();

    @Message("共 {n} 笔待退，合计 {amount}")
    String refunds_owed(long n, String amount);

    @Message("其中 {n} 笔已逾期，合计 {amount}")
    String refunds_overdue_total(long n, String amount);

    @Message("标的 · 竞买号")
    String refunds_owed_to();

    @Message("竞买号 {no}")
    String refunds_bidder(String no);

    @Message("未匹配报名的来款")
    String refunds_unmatched();

    @Message("来款流水号")
    String refunds_credit();

    @Message("上一页")
    String pager_previous();

    @Message("下一页")
    String pager_next();


    // Calendar
    @Message("工作日历")
    String cal_title();

    @Message("报名截止、退款期限等按工作日计算。周一至周五为工作日，周六、周日休息；法定节假日和调休上班日在此设置。")
    String cal_intro();

    @Message("月份")
    String cal_months();

    @Message("上月（{m}）")
    String cal_previous(String m);

    @Message("下月（{m}）")
    String cal_next(String m);

    @Message("{year} 年 {month} 月")
    String cal_month(int year, int month);

    @Message("逐日设置")
    String cal_days_title();

    @Message("说明")
    String cal_note();

    @Message("设为节假日")
    String cal_set_holiday();

    @Message("设为调休上班日")
    String cal_set_makeup();

    @Message("恢复为常规")
    String cal_clear();

    @Message("{day} 已更新。")
    String cal_changed(String day);

    @Message("{#when d}{#is 1}一{#is 2}二{#is 3}三{#is 4}四{#is 5}五{#is 6}六{#is 7}日{/when}")
    String cal_weekday(int d);

    @Message("{#when d}{#is 1}星期一{#is 2}星期二{#is 3}星期三{#is 4}星期四{#is 5}星期五{#is 6}星期六{#is 7}星期日{/when}")
    String cal_weekday_long(int d);

    @Message("{#when kind}{#is WORKING}工作日{#is REST}休息日{#is HOLIDAY}节假日{#is MAKEUP}调休上班{/when}")
    String cal_kind(CentreCalendarPage.DayKind kind);

    @Message("{#when field}{#is 'note'}说明{#is 'working'}类别{#else}{field}{/when}")
    String cal_field(String field);


    // Home
    @Message("交易中心操作员的日常工作：核对银行到账、核验企业、跟踪退款、维护组织机构和工作日历。")
    String home_intro();

    @Message("条录入待另一名操作员复核")
    String home_notices_waiting();

    @Message("条到账与已记账记录不一致，待核对")
    String home_mismatches();

    @Message("家企业待核验")
    String home_enterprises_waiting();

    @Message("笔退款已逾期（共 {open} 笔待退）")
    String home_refunds_overdue(long open);

    @Message("区县、乡镇、监管部门；CSV 导入")
    String home_orgs();

    @Message("节假日与调休上班日")
    String home_calendar();


    // Organisations: the file chooser
    @Message("选择 CSV 文件（读入下方文本框）")
    String orgs_csv_file();

    @Message("已读入 {name}，请试运行。")
    String orgs_csv_loaded(String name);

    @Message("此文件不是 UTF-8 文本，请将其另存为 CSV（UTF-8）格式。")
    String orgs_csv_not_utf8();

}
