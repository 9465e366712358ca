package org.fonds.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives every authenticated identity the roles its role includes (an EDITOR is also a CONTRIBUTOR), so that
 * {@code @RolesAllowed("EDITOR")} admits administrators, and names the actor: {@code user:<sub>} for a JWT.
 */
@ApplicationScoped
public class RoleAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Role role = Role.highest(identity.getRoles());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        Arrays.stream(Role.values()).filter(r -> r != Role.ANONYMOUS && role.atLeast(r))
                .forEach(r -> builder.addRole(r.name()));
        if (identity.getAttribute(Caller.ACTOR_ATTRIBUTE) == null) {
            String name = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                    ? jwt.getSubject() : identity.getPrincipal().getName();
            builder.addAttribute(Caller.ACTOR_ATTRIBUTE, "user:" + name);
        }
        return Uni.createFrom().item(builder.build());
    }
}
