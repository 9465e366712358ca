package org.fonds.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.fonds.access.DevKeys;

/**
 * The key pair the tests sign their bearer tokens with, generated at test start into a temp folder (never
 * committed): the public key verifies tokens ({@code mp.jwt.verify.publickey.location}), the private key signs the
 * tests' tokens ({@code smallrye.jwt.sign.key.location}, used by {@link Api}).
 */
final class TestKeys {

    private TestKeys() {
    }

    static Map<String, String> generate() {
        try {
            Path dir = Files.createTempDirectory("fonds-test-keys");
            dir.toFile().deleteOnExit();
            KeyPair pair = DevKeys.generate();
            Path publicKey = Files.writeString(dir.resolve("public-key.pem"),
                    DevKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Path privateKey = Files.writeString(dir.resolve("private-key.pem"),
                    DevKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            publicKey.toFile().deleteOnExit();
            privateKey.toFile().deleteOnExit();
            return Map.of(
                    "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                    "smallrye.jwt.sign.key.location", privateKey.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the test key pair", e);
        }
    }
}
