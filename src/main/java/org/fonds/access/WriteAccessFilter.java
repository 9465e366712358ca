package org.fonds.access;

import org.fonds.http.Credentials;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Default deny for writes: every request with a method other than GET, HEAD and OPTIONS needs at least the
 * CONTRIBUTOR role (401 without credentials, 403 with a lesser role), unless its resource method is explicitly
 * {@code @PermitAll}. New write endpoints are covered without doing anything; those that need more declare
 * {@code @RolesAllowed}, and services check what depends on the document ({@link org.fonds.access.Access}).
 *
 * <p>Credentials sent with any request, reads included, are checked here: bad credentials are a 401, never
 * silently anonymous.
 */
public class WriteAccessFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentIdentityAssociation identities;

    public WriteAccessFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> authorize(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        boolean write = !SAFE.contains(context.getMethod());
        if (!write && !Credentials.present(request)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (!write || permitted(resource)) {
                return null;
            }
            if (identity.isAnonymous()) {
                throw new UnauthorizedException("This operation needs credentials: a bearer token or an API key "
                        + "with the role CONTRIBUTOR or higher.");
            }
            if (!identity.hasRole(Role.Names.CONTRIBUTOR)) {
                throw new ForbiddenException("Changes need the role CONTRIBUTOR or higher.");
            }
            return null;
        });
    }

    private static boolean permitted(ResourceInfo resource) {
        return resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(PermitAll.class);
    }
}
