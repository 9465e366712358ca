package org.fonds.access;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When {@code make run} generated a development key pair ({@link DevKeys}), prints a ready EDITOR token at startup
 * and writes it to {@code editor.token} beside the keys, so that a newcomer can write at once, and an ADMIN token to
 * {@code admin.token} (API keys are an administrator's).
 */
@ApplicationScoped
public class DevToken {

    static final Duration LIFETIME = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(DevToken.class);

    private final Optional<String> privateKey;
    private final String issuer;

    public DevToken(@ConfigProperty(name = DevKeys.PRIVATE_KEY_PROPERTY) Optional<String> privateKey,
            @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "fonds") String issuer) {
        this.privateKey = privateKey;
        this.issuer = issuer;
    }

    void onStart(@Observes StartupEvent event) {
        if (privateKey.isEmpty()) {
            return;
        }
        Path key = Path.of(privateKey.get());
        String token = write(key, "dev-editor", Role.Names.EDITOR, "editor.token");
        // API keys are an administrator's: the README's example of one needs this token
        Path admin = key.resolveSibling("admin.token");
        write(key, "dev-admin", Role.Names.ADMIN, admin.getFileName().toString());
        LOG.infof("%n"
                + "  No JWT public key is configured (mp.jwt.verify.publickey.location): using the DEVELOPMENT key pair%n"
                + "  in %s. An EDITOR token, valid for %d days (also in %s; an ADMIN one in %s):%n%n"
                + "  export TOKEN=%s%n%n"
                + "  curl -H \"Authorization: Bearer $TOKEN\" ...%n",
                key.getParent().toAbsolutePath(), LIFETIME.toDays(), key.resolveSibling("editor.token")
                        .toAbsolutePath(), admin.toAbsolutePath(), token);
    }

    /** A token for {@code user} in {@code role}, signed with the development key, written beside it as {@code name}. */
    private String write(Path key, String user, String role, String name) {
        String token = Jwt.issuer(issuer).subject(user).upn(user).groups(role).expiresIn(LIFETIME).jws()
                .sign(key.toAbsolutePath().toString());
        try {
            Files.writeString(key.resolveSibling(name), token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return token;
    }
}
