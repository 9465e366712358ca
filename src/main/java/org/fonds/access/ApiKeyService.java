package org.fonds.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.UUID;
import org.fonds.http.CursorCodec;
import org.fonds.http.ETags;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import org.fonds.shared.Timestamps;

import static org.fonds.http.ProblemException.requireBody;

@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final CursorCodec cursors;
    private final Caller caller;

    public ApiKeyService(ApiKeyRepository keys, CursorCodec cursors, Caller caller) {
        this.keys = keys;
        this.cursors = cursors;
        this.caller = caller;
    }

    @Transactional
    public ApiKeyCreated create(@Valid ApiKeyInput input) {
        requireBody(input);
        if (input.role() == Role.ANONYMOUS) {
            throw ProblemException.invalidField("role", "must be CONTRIBUTOR, EDITOR or ADMIN");
        }
        String name = input.name().strip();
        if (keys.count("name = ?1 and revokedAt is null", name) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "A valid API key is already named '" + name
                    + "'. Revoke it first or choose another name.");
        }
        String secret = ApiKeySecrets.generate();
        ApiKey k = new ApiKey();
        k.name = name;
        k.role = input.role();
        k.secretSha256 = ApiKeySecrets.sha256(secret);
        k.prefix = secret.substring(0, ApiKeySecrets.SHOWN);
        k.createdAt = Timestamps.now();
        k.createdBy = caller.actor();
        keys.persist(k);
        keys.flush();
        return ApiKeyCreated.of(k, secret);
    }

    public ApiKeyView get(UUID id) {
        return ApiKeyView.of(find(id));
    }

    public Page<ApiKeyView> list(String cursor, int limit) {
        return cursors.pageById("api-keys", cursor, limit, (after, n) -> after == null
                ? keys.find("order by id").page(0, n).list()
                : keys.find("id > ?1 order by id", after).page(0, n).list(), k -> k.id, ApiKeyView::of);
    }

    /** Revokes the key at once: requests with it get 401 from now on. Revoking a revoked key changes nothing. */
    @Transactional
    public void revoke(UUID id, String ifMatch) {
        ApiKey k = find(id);
        ETags.checkIfMatch(ifMatch, k.version);
        if (k.revokedAt == null) {
            k.revokedAt = Timestamps.now();
            k.revokedBy = caller.actor();
            keys.flush();
        }
    }

    private ApiKey find(UUID id) {
        ApiKey k = keys.findById(id);
        if (k == null) {
            throw ProblemException.notFound("API key", id);
        }
        return k;
    }
}
