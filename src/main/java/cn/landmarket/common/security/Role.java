package cn.landmarket.common.security;

import java.util.Optional;

/** The JWT groups of the marketplace and what organisation code each one is bound to. */
public enum Role {
    TOWNSHIP, ENTERPRISE, REGULATOR, OPERATOR;

    public static final String TOWNSHIP_GROUP = "township";
    public static final String ENTERPRISE_GROUP = "enterprise";
    public static final String REGULATOR_GROUP = "regulator";
    public static final String OPERATOR_GROUP = "operator";

    public String group() {
        return name().toLowerCase();
    }

    public static Optional<Role> ofGroup(String group) {
        for (Role role : values()) {
            if (role.group().equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
