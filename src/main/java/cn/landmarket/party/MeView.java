package cn.landmarket.party;

import cn.landmarket.common.security.Role;

/** Who the token says the caller is, and the organisation it is bound to as the platform knows it. */
public record MeView(String subject, Role role, String org, String orgName, boolean orgRegistered,
        EnterpriseStatus enterpriseStatus) {
}
