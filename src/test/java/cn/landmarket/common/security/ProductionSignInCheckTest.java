package cn.landmarket.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.profile.IfBuildProfile;

/** The packaged service refuses a sign-in set-up that only one instance could complete. */
class ProductionSignInCheckTest {

    private static final Optional<String> LONG = Optional.of("0123456789abcdef0123456789abcdef");
    private static final Optional<String> SHORT = Optional.of("0123456789abcdef");

    @Test
    void aStateSecretOrALongClientSecretLetsEveryInstanceFinishASignIn() {
        assertEquals(Optional.empty(), ProductionSignInCheck.problem(true, SHORT, LONG));
        assertEquals(Optional.empty(), ProductionSignInCheck.problem(true, LONG, Optional.empty()));
        assertEquals(Optional.empty(), ProductionSignInCheck.problem(false, Optional.empty(), Optional.empty()),
                "OIDC turned off: nothing to finish");
    }

    @Test
    void otherwiseTheServiceRefusesToStartAndSaysWhatToSet() {
        for (Optional<String> client : java.util.List.of(Optional.<String>empty(), SHORT)) {
            String problem = ProductionSignInCheck.problem(true, client, Optional.empty()).orElseThrow();
            assertTrue(problem.contains("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET") && problem.contains("another instance"),
                    problem);
        }
        String shortState = ProductionSignInCheck.problem(true, LONG, SHORT).orElseThrow();
        assertTrue(shortState.contains("16 bytes long"), shortState);

        assertEquals("prod", ProductionSignInCheck.class.getAnnotation(IfBuildProfile.class).value());
        ProductionSignInCheck check = new ProductionSignInCheck();
        check.enabled = true;
        check.clientSecret = SHORT;
        check.stateSecret = Optional.empty();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> check.onStart(null));
        assertTrue(refused.getMessage().startsWith("Refusing to start: "), refused.getMessage());
    }
}
