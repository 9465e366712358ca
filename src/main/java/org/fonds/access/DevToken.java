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
 * and writes it to {@code editor.token} beside the keys, so that a newcomer can write at once.
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
        String token = Jwt.issuer(issuer).subject("dev-editor").upn("dev-editor").groups(Role.Names.EDITOR)
                .expiresIn(LIFETIME).jws().sign(key.toAbsolutePath().toString());
        Path file = key.resolveSibling("editor.token");
        try {
            Files.writeString(file, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("%n"
                + "  No JWT public key is configured (mp.jwt.verify.publickey.location): using the DEVELOPMENT key pair%n"
                + "  in %s. An EDITOR token, valid for %d days (also in %s):%n%n"
                + "  export TOKEN=%s%n%n"
                + "  curl -H \"Authorization: Bearer $TOKEN\" ...%n",
                key.getParent().toAbsolutePath(), LIFETIME.toDays(), file.toAbsolutePath(), token);
    }
}
