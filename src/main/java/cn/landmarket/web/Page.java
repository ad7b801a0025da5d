package cn.landmarket.web;

import java.util.Locale;
import java.util.Optional;

import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;

/**
 * What every page's layout needs: the language it is written in, the path it was asked for (for the
 * language switch and sign-in to come back to), who is signed in, if anyone, the name of that
 * reader's organisation as {@code GET /api/me} gives it (null when the platform does not know it: an
 * enterprise not yet registered, the trading centre), and the token its forms carry ({@link FormToken}).
 */
public record Page(Locale locale, String path, Optional<Actor> viewer, String orgName, String csrf) {

    public String lang() {
        return PageLanguage.tag(locale);
    }

    public boolean english() {
        return locale.getLanguage().equals("en");
    }

    /** The language the switch offers: the other one. */
    public String otherLang() {
        return english() ? "zh" : "en";
    }

    public boolean signedIn() {
        return viewer.isPresent();
    }

    public boolean enterprise() {
        return viewer.map(a -> a.is(Role.ENTERPRISE)).orElse(false);
    }

    public boolean township() {
        return viewer.map(a -> a.is(Role.TOWNSHIP)).orElse(false);
    }

    public boolean regulator() {
        return viewer.map(a -> a.is(Role.REGULATOR)).orElse(false);
    }

    public boolean operator() {
        return viewer.map(a -> a.is(Role.OPERATOR)).orElse(false);
    }

    public String org() {
        return viewer.map(Actor::org).orElse("");
    }

    public String role() {
        return viewer.map(a -> a.role().group()).orElse("");
    }
}
