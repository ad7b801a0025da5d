package cn.landmarket.web;

import cn.landmarket.asset.AssetType;
import cn.landmarket.listing.ListingStatus;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the pages. The Chinese text is here (the default language); the English one is in
 * {@code messages/t_en.properties}, which {@code TextsTest} keeps complete. Templates write
 * {@code {t:key}}; the build fails on a key that does not exist.
 */
@MessageBundle(value = "t", locale = "zh-CN")
public interface Texts {

    // Layout
    @Message("土地与指标交易大厅")
    String site_name();

    @Message("交易公告")
    String nav_announcements();

    @Message("成交公示")
    String nav_results();

    @Message("验证")
    String nav_verify();

    @Message("我的企业")
    String nav_mine();

    @Message("乡镇工作台")
    String nav_township();

    @Message("监管工作台")
    String nav_regulator();

    @Message("交易中心工作台")
    String nav_centre();

    @Message("登录")
    String nav_sign_in();

    @Message("退出")
    String nav_sign_out();

    @Message("English")
    String nav_other_language();

    @Message("跳到正文")
    String skip_to_content();

    /** Before the signed-in organisation's name (or code) in the header. */
    @Message("已登录：")
    String signed_in();

    @Message("时间均为北京时间（UTC+8）。金额单位为人民币元。")
    String footer_note();

    // Sign-in (development and tests)
    @Message("开发环境登录")
    String signin_title();

    @Message("开发与测试环境：选择一个预置身份登录。生产环境通过统一身份认证登录。")
    String signin_intro();

    @Message("乡镇")
    String role_township();

    @Message("竞买企业")
    String role_enterprise();

    @Message("自然资源主管部门")
    String role_regulator();

    @Message("交易中心")
    String role_operator();

    @Message("以此身份登录")
    String signin_button();

    @Message("其他企业（统一社会信用代码）")
    String signin_other_enterprise();

    // Announcements
    @Message("交易公告")
    String announcements_title();

    @Message("筛选")
    String filter();

    @Message("资产类型")
    String asset_type();

    @Message("全部")
    String any();

    @Message("行政区划代码（前缀）")
    String region();

    @Message("状态")
    String status();

    @Message("关键词")
    String keyword();

    @Message("面积（平方米）从")
    String area_from();

    @Message("至")
    String to();

    @Message("起始价（元）从")
    String price_from();

    @Message("排序")
    String sort();

    @Message("最新发布")
    String sort_newest();

    @Message("报名截止最早")
    String sort_deadline();

    @Message("起始价从低到高")
    String sort_price_asc();

    @Message("起始价从高到低")
    String sort_price_desc();

    @Message("面积从大到小")
    String sort_area_desc();

    @Message("查询")
    String search();

    @Message("共 {total} 条")
    String total(long total);

    @Message("没有符合条件的公告。")
    String no_results();

    @Message("编号")
    String listing_no();

    @Message("标的")
    String title();

    @Message("面积")
    String area();

    @Message("起始价")
    String start_price();

    @Message("竞买保证金")
    String deposit();

    @Message("报名截止")
    String registration_deadline();

    @Message("挂牌期")
    String listing_period();

    @Message("上一页")
    String previous_page();

    @Message("下一页")
    String next_page();

    @Message("第 {page} 页，共 {pages} 页")
    String page_of(int page, long pages);

    @Message("{m2} 平方米（{mu} 亩，{ha} 公顷）")
    String area_units(String m2, String mu, String ha);

    @Message("{#when type}{#is CONSTRUCTION_QUOTA}建设用地指标{#is LINKAGE_SURPLUS}增减挂钩节余指标"
            + "{#is FARMLAND_COMPENSATION}补充耕地指标{#is COLLECTIVE_PARCEL}集体经营性建设用地使用权{/when}")
    String asset(AssetType type);

    @Message("{#when status}{#is DRAFT}草稿{#is PENDING_REVIEW}待审核{#is REJECTED}已退回{#is APPROVED}已审核"
            + "{#is ANNOUNCED}公告中{#is LISTING}挂牌中{#is TIMED_BIDDING}限时竞价{#is LOTTERY}限价摇号{#is SUSPENDED}中止"
            + "{#is TERMINATED}终止{#is SOLD}已成交{#is UNSOLD}流拍{#is AWAITING_PAYMENT}待付款"
            + "{#is SETTLED}已结算{#is DEFAULTED}违约{/when}")
    String listing_status(ListingStatus status);

    // Errors
    @Message("出错了")
    String error_title();

    @Message("请求编号：{id}")
    String error_request_id(String id);

    @Message("返回交易公告")
    String error_back();

    @Message("格式不正确，已忽略。")
    String field_ignored();

    @Message("面积（平方米）")
    String area_m2();

    @Message("亩")
    String mu();

    @Message("公顷")
    String hectares();

    @Message("没有这个身份。")
    String signin_unknown();
}
