package cn.landmarket.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.security.Role;
import cn.landmarket.dev.DevTokens;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.PartyDirectory;
import cn.landmarket.party.PartyService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Development and tests only: a page listing the seeded identities; choosing one opens a session
 * signed with the dev key, as the identity provider would. Absent from production builds.
 */
@Path("/signin")
@PermitAll
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevSignInPage {

    /** The trading centre's code in the seed data. */
    static final String OPERATOR_ORG = "MYJYZX";

    /**
     * A name an operator may sign in under (the token's subject), so that a second operator can
     * check what the first entered (maker-checker tells operators apart by subject).
     */
    static final String OPERATOR_NAME = "[A-Za-z0-9._-]{1,40}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signin(Page page, PartyDirectory directory, String back, String operator,
                boolean invalid);
    }

    @Inject
    PartyService parties;

    @Inject
    DevTokens tokens;

    @Inject
    SessionCookie session;

    @Inject
    Pages pages;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance form(@QueryParam("back") String back) {
        return page(back, false);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signIn(@FormParam("role") String role, @FormParam("org") String org,
            @FormParam("back") String back, @FormParam("subject") String subject,
            @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Role chosen = role == null ? null : Role.ofGroup(role).orElse(null);
        String code = org == null ? "" : org.strip();
        String who = subject == null || subject.isBlank() ? null : subject.strip();
        if (chosen == null || !known(chosen, code)
                || who != null && (chosen != Role.OPERATOR || !who.matches(OPERATOR_NAME))) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(back, true)).build();
        }
        DevTokens.Minted minted = tokens.mint(chosen, code, who);
        return Response.seeOther(URI.create(Links.localPath(back)))
                .cookie(session.open(minted.token(), minted.expires(), Instant.now(clock))).build();
    }

    private boolean known(Role role, String code) {
        PartyDirectory directory = parties.directory();
        return switch (role) {
            case TOWNSHIP -> directory.townships().stream().anyMatch(e -> e.code().equals(code));
            case REGULATOR -> directory.regulators().stream().anyMatch(e -> e.code().equals(code));
            case ENTERPRISE -> CreditCode.isValid(code);
            case OPERATOR -> OPERATOR_ORG.equals(code);
        };
    }

    private TemplateInstance page(String back, boolean invalid) {
        Page p = pages.page();
        return Templates.signin(p, parties.directory(), Links.localPath(back), OPERATOR_ORG, invalid)
                .setLocale(p.locale());
    }
}
