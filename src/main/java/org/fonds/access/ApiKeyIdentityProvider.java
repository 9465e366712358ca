package org.fonds.access;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Finds the API key whose secret hashes to the stored SHA-256 and is not revoked; its identity is
 * {@code key:<name>} with the key's role. Plain JDBC on a worker thread: authentication runs before any
 * transaction or persistence context exists.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final AgroalDataSource dataSource;

    public ApiKeyIdentityProvider(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(identity(request.secret()));
    }

    private Supplier<SecurityIdentity> identity(String secret) {
        // the lookup runs before the caller is known: as anonymous, or the connection's role would ask for the very
        // identity being resolved (api_key has no visibility rule of its own)
        return () -> Caller.as(Role.ANONYMOUS, () -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT name, role FROM api_key WHERE secret_sha256 = ? AND revoked_at IS NULL")) {
                s.setBytes(1, ApiKeySecrets.sha256(secret));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new AuthenticationFailedException("Unknown or revoked API key");
                    }
                    String actor = "key:" + r.getString(1);
                    return QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(actor))
                            .addRole(r.getString(2))
                            .addAttribute(Caller.ACTOR_ATTRIBUTE, actor)
                            .build();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not check the API key", e);
            }
        });
    }
}
