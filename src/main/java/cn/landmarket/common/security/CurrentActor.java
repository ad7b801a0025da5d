package cn.landmarket.common.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Reads the verified token of the current request into an {@link Actor}: exactly one marketplace
 * role and a non-blank {@code org} claim, or 403; and an identity that can be recorded as who acted
 * (at most {@link Actor#MAX_LENGTH} characters of plain text, the width of the columns that hold
 * it), or 403, rather than a failure when the first change is stored.
 * <p>
 * The token is the security identity's principal, not an injected {@code JsonWebToken}: with
 * quarkus-oidc present, the injectable {@code JsonWebToken} is OIDC's, which is empty for tokens
 * that smallrye-jwt verified (the bearer token and the session cookie).
 */
@RequestScoped
public class CurrentActor {

    /** The claim that binds a user to its organisation. */
    public static final String ORG_CLAIM = "org";

    @Inject
    SecurityIdentity identity;

    public Actor get() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLES);
        }
        return of(jwt);
    }

    /** The actor a verified token names, or the 403 that says why it names none. */
    public static Actor of(JsonWebToken jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> groups = jwt.getGroups();
        for (String group : groups == null ? Set.<String>of() : groups) {
            Role.ofGroup(group).ifPresent(roles::add);
        }
        if (roles.size() != 1) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLES);
        }
        Object claim = jwt.getClaim(ORG_CLAIM);
        String org = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : "";
        org = org.strip();
        if (org.isEmpty()) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_NO_ORG);
        }
        Actor actor = new Actor(jwt.getName(), roles.iterator().next(), org);
        if (!Actor.isRecordable(actor.toString())) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_IDENTITY_UNUSABLE, Actor.MAX_LENGTH);
        }
        return actor;
    }
}
