package org.fonds.testing;

import java.security.KeyPair;
import java.util.Map;
import org.fonds.access.DevKeys;

/**
 * The key pair the tests sign their bearer tokens with, generated at test start (never committed): the public key
 * verifies tokens ({@code mp.jwt.verify.publickey}), the private key signs the tests' tokens
 * ({@code smallrye.jwt.sign.key}, used by {@link Api}). Given as PEM content, not locations, so that they replace the
 * in-memory pair that quarkus-smallrye-jwt makes for tests when no key is configured at build time.
 */
final class TestKeys {

    private TestKeys() {
    }

    static Map<String, String> generate() {
        KeyPair pair = DevKeys.generate();
        return Map.of(
                "mp.jwt.verify.publickey", DevKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                "smallrye.jwt.sign.key", DevKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }
}
