package cn.landmarket.common.security;

/**
 * Who is calling: the subject of the token, its role and the organisation the token binds it to
 * (a township's 9-digit division code, an enterprise's credit code, a regulator's 6-digit
 * division code, an operator's trading-centre code).
 */
public record Actor(String subject, Role role, String org) {

    public boolean is(Role candidate) {
        return role == candidate;
    }

    @Override
    public String toString() {
        return role.group() + ":" + org + ":" + subject;
    }
}
