package cn.landmarket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the production sign-in ({@link OidcSignInPage}), Chinese; the English ones are in
 * {@code messages/oidc_en.properties}. Templates write {@code {oidc:key}}.
 */
@MessageBundle(value = "oidc", locale = "zh-CN")
public interface OidcTexts {

    @Message("已登录")
    String signed_in_title();

    @Message("统一身份认证已确认您的身份，正在返回原页面。")
    String signed_in_text();

    @Message("继续")
    String continue_link();

    @Message("无法登录交易大厅")
    String refused_title();

    @Message("统一身份认证已确认您的身份，但该账号不能在本平台办理业务：")
    String refused_intro();

    @Message("身份提供方签发的访问令牌不被本平台接受（须为本平台签发者和受众的有效 JWT）。")
    String token_not_accepted();

    @Message("账号须有且只有一种平台角色（乡镇、竞买企业、自然资源主管部门或交易中心），并绑定所属机构。请联系交易中心为账号配置后重新登录。")
    String refused_help();

    @Message("登录未完成")
    String failed_title();

    @Message("统一身份认证没有完成登录（可能已取消，或该账号不能使用本平台）。您尚未登录。")
    String failed_text();

    @Message("重新登录")
    String try_again();

    @Message("返回交易公告")
    String home();
}
