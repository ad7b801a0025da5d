package cn.landmarket.common.security;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production build that has no JWT verification key: without one every request
 * would be answered 401 and the operator would learn why only from users.
 */
@IfBuildProfile("prod")
@Singleton
public class ProductionKeyCheck {

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> key;

    void onStart(@Observes StartupEvent event) {
        if (keyLocation.filter(s -> !s.isBlank()).isEmpty() && key.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("No JWT verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the "
                    + "identity provider's PEM public key file or JWKS URL");
        }
    }
}
