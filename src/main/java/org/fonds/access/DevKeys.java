package org.fonds.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The development key pair of {@code make run} when no public key is configured: RSA 2048 in PEM files
 * ({@code public-key.pem}, {@code private-key.pem}, readable by the owner only) in a directory beside the data of
 * the embedded database, created once and reused. Never for production: configure
 * {@code mp.jwt.verify.publickey.location} there, and nothing is generated.
 */
public record DevKeys(Path publicKey, Path privateKey) {

    public static final String PRIVATE_KEY_PROPERTY = "fonds.jwt.dev-private-key";

    public static DevKeys ensure(Path dir) {
        DevKeys keys = new DevKeys(dir.resolve("public-key.pem"), dir.resolve("private-key.pem"));
        if (Files.isRegularFile(keys.publicKey) && Files.isRegularFile(keys.privateKey)) {
            return keys;
        }
        try {
            Files.createDirectories(dir);
            KeyPair pair = generate();
            write(keys.privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            write(keys.publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development key pair to " + dir, e);
        }
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
