package cn.landmarket.party;

import java.util.Locale;
import java.util.Optional;

import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;

/** The organisations operators register: counties, townships and regulators, and the rule for their names. */
public enum OrganisationKind {
    COUNTY(100), TOWNSHIP(100), REGULATOR(200);

    private final int nameMax;

    OrganisationKind(int nameMax) {
        this.nameMax = nameMax;
    }

    /** First part of the type of the audit entries about this kind ({@code county.registered}, ...). */
    public String entryPrefix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The longest name the registry holds for this kind (the width of its column). */
    public int nameMax() {
        return nameMax;
    }

    /**
     * What is wrong with a name, if anything: blank, longer than {@link #nameMax()} once stripped of
     * surrounding white space, or holding a control character (a line break, a tab, NUL).
     */
    public Optional<Message> checkName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(Message.of(MessageKey.ORGANISATION_NAME_BLANK));
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) > nameMax) {
            return Optional.of(Message.of(MessageKey.ORGANISATION_NAME_TOO_LONG, nameMax));
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Message.of(MessageKey.ORGANISATION_NAME_CONTROL));
        }
        return Optional.empty();
    }
}
