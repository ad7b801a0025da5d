package cn.landmarket.party;

import cn.landmarket.common.security.Role;

/**
 * Who the token says the caller is, and the organisation it is bound to as the platform knows it:
 * {@code orgActive} is false once an operator deactivated it (every other call is then refused 403).
 */
public record MeView(String subject, Role role, String org, String orgName, boolean orgRegistered,
        boolean orgActive, EnterpriseStatus enterpriseStatus) {
}
