package org.fonds.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The consistency token of read-your-writes ({@link Replica}): the primary's WAL position after a write committed,
 * signed (HMAC-SHA256 with the cursor secret, {@code fonds.paging.cursor-secret}) so that a client cannot send a
 * position of its choosing and pin its reads to the primary. Opaque to clients: {@code base64url(position, mac)}. A
 * token that is not one this deployment issued is ignored (the read is served as any other), not refused: a client
 * that kept one across a change of the secret must not fail its reads.
 */
@ApplicationScoped
public class ConsistencyTokens {

    /** The header of a write's response, which a client sends back on its reads. */
    public static final String HEADER = "Fonds-Consistency-Token";
    private static final int POSITION_BYTES = Long.BYTES;
    private static final int MAC_BYTES = 12;
    private static final int MAX_LENGTH = 64;
    private static final byte[] DOMAIN = "fonds-consistency-token:".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public ConsistencyTokens(@ConfigProperty(name = "fonds.paging.cursor-secret") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The token of WAL position {@code position} (bytes since 0/0). */
    public String encode(long position) {
        byte[] body = ByteBuffer.allocate(POSITION_BYTES).putLong(position).array();
        byte[] token = Arrays.copyOf(body, POSITION_BYTES + MAC_BYTES);
        System.arraycopy(mac(body), 0, token, POSITION_BYTES, MAC_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The position a token names, or -1 when there is none or it is not one this deployment issued. */
    public long decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return -1;
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token.strip());
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (bytes.length != POSITION_BYTES + MAC_BYTES) {
            return -1;
        }
        byte[] body = Arrays.copyOf(bytes, POSITION_BYTES);
        byte[] expected = Arrays.copyOf(mac(body), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, POSITION_BYTES, bytes.length))) {
            return -1;
        }
        long position = ByteBuffer.wrap(body).getLong();
        return position < 0 ? -1 : position;
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(DOMAIN);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
