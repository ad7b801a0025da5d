package cn.landmarket.web;

import cn.landmarket.asset.CertificateDocument;
import cn.landmarket.asset.CollectiveVote;
import cn.landmarket.asset.LandUse;
import cn.landmarket.asset.SourceProjectType;
import cn.landmarket.escrow.RefundReason;
import cn.landmarket.escrow.RegistrationStatus;
import cn.landmarket.oversight.BidPatterns.Rule;
import cn.landmarket.oversight.ClientAddressFinding;
import cn.landmarket.oversight.SharedContactFinding;
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

    @Message("保证金退款")
    String nav_refunds();

    @Message("保证金退款")
    String refunds_page_title();

    @Message("辖区内挂牌的保证金退款：应退日期最早的在前，逾期未退的标出。退给谁只显示挂牌和竞买号，收款账户只显示末四位；点挂牌号进入该挂牌的监管档案。")
    String refunds_intro();

    @Message("只看未退的")
    String refunds_open_only();

    @Message("也看已退的")
    String refunds_all();

    @Message("辖区内还没有退款。")
    String refunds_none_at_all();

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

    @Message("成交")
    String trade_title();

    @Message("成交状态")
    String trade_status();

    @Message("{#when status}{#is AWAITING_CONFIRMATION}待签署成交确认书{#is AWAITING_PAYMENT}待付款{#is SETTLED}已结算{#is DEFAULTED}违约{#is DECLINED}候补竞得人已放弃{/when}")
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

    @Message("基本信息")
    String cf_legend_0();

    @Message("资产类型")
    String cf_assetType();

    @Message("决定下面哪些栏目必填、哪些不得填写。")
    String cf_assetType_hint();

    @Message("持有乡镇代码")
    String cf_holderTownship();

    @Message("9 位行政区划代码，须在您的管辖范围内且处于启用状态。")
    String cf_holderTownship_hint();

    @Message("坐落乡镇代码（选填）")
    String cf_regionCode();

    @Message("9 位代码；不填则为持有乡镇。")
    String cf_regionCode_hint();

    @Message("来源项目")
    String cf_sourceProject();

    @Message("产生该指标或地块的项目名称，最多 200 字。")
    String cf_sourceProject_hint();

    @Message("面积（平方米）")
    String cf_areaM2();

    @Message("正整数，平方米；1 亩 ≈ 666.67 平方米。")
    String cf_areaM2_hint();

    @Message("补充耕地指标")
    String cf_legend_11();

    @Message("其中水田面积（平方米）")
    String cf_paddyAreaM2();

    @Message("仅补充耕地指标填写，不大于总面积。")
    String cf_paddyAreaM2_hint();

    @Message("新增粮食产能（千克）")
    String cf_grainCapacityKg();

    @Message("仅补充耕地指标填写。")
    String cf_grainCapacityKg_hint();

    @Message("耕地质量等别（1–15）")
    String cf_qualityGrade();

    @Message("仅补充耕地指标填写。")
    String cf_qualityGrade_hint();

    @Message("项目类型")
    String cf_sourceProjectType();

    @Message("仅补充耕地指标填写：开发、整理、复垦或提质改造。")
    String cf_sourceProjectType_hint();

    @Message("全国备案编号")
    String cf_nationalFilingNo();

    @Message("仅补充耕地指标填写，最多 60 字。")
    String cf_nationalFilingNo_hint();

    @Message("建设用地指标与增减挂钩节余指标")
    String cf_legend_22();

    @Message("计划年度")
    String cf_planYear();

    @Message("仅建设用地指标填写（2000–2100）。")
    String cf_planYear_hint();

    @Message("验收文号")
    String cf_acceptanceDocNo();

    @Message("仅增减挂钩节余指标填写，最多 60 字。")
    String cf_acceptanceDocNo_hint();

    @Message("有效期至")
    String cf_validUntil();

    @Message("仅增减挂钩节余指标填写。")
    String cf_validUntil_hint();

    @Message("集体经营性建设用地")
    String cf_legend_29();

    @Message("宗地代码")
    String cf_parcelCode();

    @Message("仅集体经营性建设用地填写，最多 40 字。")
    String cf_parcelCode_hint();

    @Message("用途")
    String cf_landUse();

    @Message("仅集体经营性建设用地填写。")
    String cf_landUse_hint();

    @Message("最高出让年限（年）")
    String cf_maxTermYears();

    @Message("仅集体经营性建设用地填写，不超过该用途的法定最高年限。")
    String cf_maxTermYears_hint();

    @Message("县级备案日期")
    String cf_countyFilingDate();

    @Message("仅集体经营性建设用地填写。")
    String cf_countyFilingDate_hint();

    @Message("容积率下限")
    String cf_pc_plotRatioMin();

    @Message("规划条件，仅集体经营性建设用地填写；如 1.00。")
    String cf_pc_plotRatioMin_hint();

    @Message("容积率上限")
    String cf_pc_plotRatioMax();

    @Message("如 2.50。")
    String cf_pc_plotRatioMax_hint();

    @Message("建筑密度上限（%）")
    String cf_pc_buildingDensityMaxPercent();

    @Message("0–100。")
    String cf_pc_buildingDensityMaxPercent_hint();

    @Message("绿地率下限（%）")
    String cf_pc_greenRatioMinPercent();

    @Message("0–100。")
    String cf_pc_greenRatioMinPercent_hint();

    @Message("限高（米）")
    String cf_pc_heightLimitM();

    @Message("0–1000。")
    String cf_pc_heightLimitM_hint();

    @Message("表决机构")
    String cf_cv_body();

    @Message("集体经济组织成员的村民会议或村民代表会议。")
    String cf_cv_body_hint();

    @Message("应到人数")
    String cf_cv_eligible();

    @Message("同意人数")
    String cf_cv_inFavour();

    @Message("须达到三分之二以上。")
    String cf_cv_inFavour_hint();

    @Message("表决日期")
    String cf_cv_votedOn();

    @Message("决议文号")
    String cf_cv_resolutionNo();

    @Message("最多 100 字。")
    String cf_cv_resolutionNo_hint();

    @Message("颁发证书")
    String cf_title();

    @Message("向辖区内的乡镇颁发指标或地块证书。带“仅……填写”的栏目只适用于该资产类型，其他类型须留空。")
    String cf_intro();

    @Message("（请选择）")
    String cf_choose();

    @Message("证明文件")
    String cf_documents();

    @Message("至少一份：批准、验收、备案、测绘、表决或其他文件。")
    String cf_documents_hint();

    @Message("文件 {n}")
    String cf_document_n(int n);

    @Message("文件类型")
    String cf_doc_kind();

    @Message("文号")
    String cf_doc_number();

    @Message("印发日期")
    String cf_doc_issued_on();

    @Message("标题（选填）")
    String cf_doc_title();

    @Message("颁发")
    String cf_submit();

    @Message("请填写整数。")
    String cf_not_a_whole_number();

    @Message("请填写数字。")
    String cf_not_a_number();

    @Message("请填写日期（年-月-日）。")
    String cf_not_a_date();

    @Message("请从列表中选择。")
    String cf_not_a_choice();

    @Message("{#when type}{#is DEVELOPMENT}土地开发{#is CONSOLIDATION}土地整理{#is RECLAMATION}土地复垦{#is UPGRADE}提质改造{/when}")
    String cf_project_type(SourceProjectType type);

    @Message("{#when use}{#is INDUSTRIAL}工业{#is COMMERCIAL_TOURISM_ENTERTAINMENT}商业、旅游、娱乐{#is EDUCATION_SCIENCE_CULTURE_HEALTH_SPORTS}教育、科技、文化、卫生、体育{#is RESIDENTIAL}住宅{#is OTHER}其他{/when}")
    String cf_land_use(LandUse use);

    @Message("{#when body}{#is MEMBERS}村民会议{#is REPRESENTATIVES}村民代表会议{/when}")
    String cf_vote_body(CollectiveVote.Body body);

    @Message("{#when kind}{#is APPROVAL}批准文件{#is ACCEPTANCE}验收文件{#is FILING}备案文件{#is SURVEY}测绘成果{#is VOTE}表决文件{#is OTHER}其他{/when}")
    String cf_doc_kind_of(CertificateDocument.Kind kind);

    @Message("证书已颁发。")
    String cf_issued();

    @Message("证书 {no}")
    String cf_certificate_title(String no);

    @Message("持有方")
    String cf_holder();

    @Message("可挂牌面积")
    String cf_available();

    @Message("颁发时间")
    String cf_issued_at();

    @Message("再颁发一份")
    String cf_another();

    @Message("地区代码前缀")
    String sc_region();

    @Message("出让乡镇代码")
    String sc_township();

    @Message("成交日期自")
    String sc_closed_from();

    @Message("成交日期至")
    String sc_closed_to();

    @Message("按地区汇总到")
    String sc_region_digits();

    @Message("{#when d}{#is 2}省级（2 位）{#is 4}市级（4 位）{#is 6}县级（6 位）{#else}乡镇级（9 位）{/when}")
    String sc_digits(int d);

    @Message("导出 CSV")
    String csv_title();

    @Message("串通线索")
    String sg_title();

    @Message("在本辖区范围内自动筛查的可疑模式。线索不是结论；竞买人只以竞买号出现，共用的值只以不可逆的标记出现。")
    String sg_intro();

    @Message("未发现。")
    String sg_none();

    @Message("挂牌")
    String sg_listing();

    @Message("证据")
    String sg_evidence();

    @Message("标记")
    String sg_token();

    @Message("竞买人数")
    String sg_bidder_count();

    @Message("规律性出价")
    String sg_bid_patterns();

    @Message("同两位竞买人以固定差额交替出价，或连续以最小加价幅度出价。")
    String sg_bid_patterns_intro();

    @Message("规则")
    String sg_rule();

    @Message("{#when rule}{#is CONSTANT_STEP_ALTERNATION}固定差额交替出价{#is MINIMUM_INCREMENT_RUN}连续最小加价{/when}")
    String sg_rule_of(Rule rule);

    @Message("竞买号")
    String sg_bidders();

    @Message("差额")
    String sg_step();

    @Message("相同客户端地址")
    String sg_client_addresses();

    @Message("同一挂牌的不同竞买人从同一地址报名或出价。")
    String sg_client_addresses_intro();

    @Message("{#when kind}{#is REGISTRATION}报名{#is BID}出价{/when}")
    String sg_event_kind(ClientAddressFinding.Kind kind);

    @Message("相同联系人")
    String sg_contacts();

    @Message("不同竞买企业登记了相同的联系人、联系电话或法定代表人。")
    String sg_contacts_intro();

    @Message("相同项")
    String sg_attribute();

    @Message("{#when attribute}{#is CONTACT_PERSON}联系人{#is CONTACT_PHONE}联系电话{#is LEGAL_REPRESENTATIVE}法定代表人{/when}")
    String sg_attribute_of(SharedContactFinding.Attribute attribute);

    @Message("企业数")
    String sg_enterprises();

    @Message("相同付款账户")
    String sg_payer_accounts();

    @Message("同一挂牌不同竞买人的保证金来自同一账户。")
    String sg_payer_accounts_intro();

    @Message("单一竞买人成交")
    String sg_single_bidder();

    @Message("各出让乡镇成交中只有一位竞买人的比例；达到阈值的标出。")
    String sg_single_bidder_intro();

    @Message("成交数")
    String sg_sales();

    @Message("单一竞买人")
    String sg_single_sales();

    @Message("比例")
    String sg_share();

    @Message("标记")
    String sg_flagged();

    @Message("是")
    String sg_yes();

    @Message("否")
    String sg_no();

    @Message("市场统计")
    String st_title();

    @Message("本辖区有效成交（已成交且未违约）按资产类型、地区和成交月份汇总：成交数、面积、成交额和亩均价。")
    String st_intro();

    @Message("下载 CSV（与接口导出相同）")
    String st_csv();

    @Message("所选范围内没有成交。")
    String st_none();

    @Message("图表")
    String st_charts();

    @Message("各地区合计，按月份和资产类型；同样的数字见下表。")
    String st_charts_hint();

    @Message("成交额（元）")
    String st_volume_chart();

    @Message("亩均价（元/亩）")
    String st_price_chart();

    @Message("明细")
    String st_table();

    @Message("月份")
    String st_month();

    @Message("面积（亩）")
    String st_area_mu();

    @Message("成交额")
    String st_total();

    @Message("亩均价")
    String st_per_mu();

    @Message("退款")
    String refunds_title();

    @Message("原因")
    String refund_reason();

    @Message("收款账户")
    String refund_account();

    @Message("状态")
    String refund_state();

    @Message("待退，期限")
    String refund_open();

    @Message("已退")
    String refund_paid();

    @Message("{#when reason}{#is UNMATCHED}无对应报名的来款{#is WRONG_PAYER}非企业本名账户付款{#is LATE}逾期到账{#is EXCESS}超额或取得资格后到账{#is NOT_WINNER}未竞得或流拍退还保证金{#is OVERPAYMENT}成交价款多付{#is PAYMENT_NOT_ACCEPTED}成交不再接受付款{/when}")
    String refund_reason_of(RefundReason reason);

    // ---- objections to results and the runner-up (issue 17) ----

    @Message("结果异议")
    String nav_objections();

    @Message("结果异议")
    String objections_title();

    @Message("辖区内竞买人对已公布结果提出的异议，待答复的在前。每项异议答复一次：支持（异议成立）或驳回（异议不成立），须写明理由；支持时可同时暂停该标的结算，待核查后解除。")
    String objections_intro();

    @Message("辖区内没有异议。")
    String objections_none();

    @Message("待答复")
    String objections_pending();

    @Message("已答复")
    String objections_answered();

    @Message("{#when status}{#is LODGED}待答复{#is UPHELD}异议成立{#is REJECTED}异议不成立{/when}")
    String objection_status_of(cn.landmarket.oversight.ObjectionStatus status);

    @Message("标的 {no} 的异议")
    String objection_heading(String no);

    @Message("提出时间")
    String objection_lodged_at();

    @Message("公示期截止")
    String objection_period_ends();

    @Message("异议理由")
    String objection_reasons();

    @Message("答复")
    String objection_decision();

    @Message("支持：异议成立")
    String decision_uphold();

    @Message("驳回：异议不成立")
    String decision_reject();

    @Message("答复理由")
    String answer_reasons();

    @Message("同时暂停该标的结算（仅在支持异议时）")
    String suspend_settlement();

    @Message("提交答复")
    String answer_button();

    @Message("答复时间")
    String objection_answered_at();

    @Message("监管答复")
    String objection_answer();

    @Message("结算暂停中")
    String objection_suspending();

    @Message("暂停已解除")
    String objection_lifted();

    @Message("解除结算暂停")
    String lift_button();

    @Message("{#when what}{#is 'answered'}已答复异议。{#is 'lifted'}已解除结算暂停。{/when}")
    String objection_done(String what);

    @Message("次高价候补")
    String runner_up_title();

    @Message("此标的没有次高价候补（未设候补成交、尚未结束或无符合条件的竞买人）。")
    String runner_up_none();

    @Message("{#when status}{#is HELD}保证金暂留，等待竞得人结算{#is RELEASED}竞得人已结算，保证金退还{#is OFFERED}竞得人违约，已向其候补成交{#is ACCEPTED}已接受候补成交{#is DECLINED}已放弃候补成交{#is DEFAULTED}候补成交后违约{#is LAPSED}竞得人违约时已不符合条件（如被禁入），未向其候补成交{/when}")
    String runner_up_status_of(cn.landmarket.settlement.RunnerUpStatus status);

    @Message("候补报价")
    String runner_up_price();

    @Message("候补成交")
    String runner_up_trade();

    @Message("决定时间")
    String runner_up_decided_at();
}
