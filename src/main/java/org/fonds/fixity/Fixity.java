package org.fonds.fixity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * SHA-256 digests of a resource's canonical form, for fixity: the resource's stored fields as a JSON object of
 * maps, lists, strings, numbers, booleans and nulls, with object keys sorted, no whitespace, UTF-8 encoded (close to
 * RFC 8785's canonical JSON for the values Fonds stores). The same fields always give the same digest, whatever
 * the order they were given in and however the database stores them, so a digest recomputed from what the database
 * holds differs from the one recorded at write time exactly when a stored field was changed outside the API.
 */
public final class Fixity {

    public static final String ALGORITHM = "SHA-256";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false)
            .build();

    private Fixity() {
    }

    /** Lowercase hex SHA-256 of the canonical JSON of {@code fields} (values: maps, lists, strings, numbers, null). */
    public static String sha256(Map<String, ?> fields) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(fields);
            return HexFormat.of().formatHex(MessageDigest.getInstance(ALGORITHM).digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute the fixity digest", e);
        }
    }

    /** An entity whose fixity digest is recorded when it is written. */
    public interface Recorded {

        /** The digest recorded at the last write (null for rows written before fixity existed). */
        String recordedSha256();

        void recordSha256(String sha256);
    }
}
