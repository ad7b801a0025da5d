package cn.landmarket.common.security;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.StorableText;

/**
 * Who is calling: the subject of the token, its role and the organisation the token binds it to
 * (a township's 9-digit division code, an enterprise's credit code, a regulator's 6-digit
 * division code, an operator's trading-centre code).
 */
public record Actor(String subject, Role role, String org) {

    /**
     * The most characters of {@link #toString()} the marketplace records as who acted (the width
     * of the {@code *_by} and {@code actor} columns).
     */
    public static final int MAX_LENGTH = 150;

    /** True when the text fits the columns that record who acted and holds no control character or unpaired surrogate. */
    public static boolean isRecordable(String text) {
        if (text.length() > MAX_LENGTH || !StorableText.isStorable(text)) {
            return false;
        }
        return text.chars().noneMatch(Character::isISOControl);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    @Override
    public String toString() {
        return role.group() + ":" + org + ":" + subject;
    }
}
