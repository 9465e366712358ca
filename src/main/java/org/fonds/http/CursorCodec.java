package org.fonds.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opaque keyset cursors. A cursor holds the sort key of the last item of a page and the scope it was issued for
 * (collection, sort and filters), signed with HMAC-SHA256 so that a tampered or foreign cursor is rejected
 * with 400 instead of silently paging something else.
 */
@ApplicationScoped
public class CursorCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    private static final int MAX_CURSOR_LENGTH = 2048;

    private final ObjectMapper json = new ObjectMapper();
    private final SecretKeySpec key;

    public CursorCodec(@ConfigProperty(name = "fonds.paging.cursor-secret") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(String scope, List<String> keys) {
        List<String> payload = new ArrayList<>(keys.size() + 1);
        payload.add(scope);
        payload.addAll(keys);
        try {
            byte[] body = json.writeValueAsBytes(payload);
            return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(mac(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A page in another order than id: the cursor of the next page holds the whole sort key of the last item shown
     * (e.g. position and id). {@code rows} are fetched with {@code limit + 1} to learn whether more follow.
     */
    public <E, V> Page<V> pageByKey(String scope, List<E> rows, int limit, Function<E, List<String>> key,
            Function<E, V> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(scope, key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next, limit);
    }

    /** The keys of a cursor issued for {@code scope}, or a 400 problem. */
    public List<String> decode(String scope, String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid("it is too long");
        }
        int dot = cursor.indexOf('.');
        if (dot < 0) {
            throw invalid("it is not a cursor issued by this server");
        }
        byte[] body;
        byte[] signature;
        try {
            body = DECODER.decode(cursor.substring(0, dot));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("it is not a cursor issued by this server");
        }
        if (!MessageDigest.isEqual(mac(body), signature)) {
            throw invalid("it was altered or issued by another server");
        }
        List<String> payload;
        try {
            payload = json.readValue(body, new TypeReference<List<String>>() { });
        } catch (java.io.IOException e) {
            throw invalid("it is not a cursor issued by this server");
        }
        if (payload.isEmpty() || !payload.get(0).equals(scope)) {
            throw invalid("it was issued for another listing (another collection, sort or filter)");
        }
        return payload.subList(1, payload.size());
    }

    /** The rows of a page in id order: up to {@code count} rows with an id greater than {@code after}, by id. */
    @FunctionalInterface
    public interface RowsAfter<R> {
        /** @param after the id after which the page starts, null for the first page */
        List<R> fetch(UUID after, int count);
    }

    /**
     * A page in id order: the rows after the id held by {@code cursor} (from the first, with no cursor), fetched with
     * {@code limit + 1} to learn whether more follow; the cursor of the next page holds the id of the page's last row.
     */
    public <R, T> Page<T> pageById(String scope, String cursor, int limit, RowsAfter<R> rows, Function<R, UUID> id,
            Function<R, T> view) {
        return page(scope, rows.fetch(afterId(scope, cursor), limit + 1), limit, id, view);
    }

    /**
     * The sort key after which a page starts, read by {@code key} from the cursor's keys: null for the first page (no
     * cursor); a 400 problem when the cursor is not one of {@code scope}, or its keys cannot be read.
     */
    public <K> K after(String scope, String cursor, Function<List<String>, K> key) {
        if (cursor == null) {
            return null;
        }
        List<String> keys = decode(scope, cursor);
        try {
            return key.apply(keys);
        } catch (RuntimeException e) {
            throw invalid("it is not a cursor of this listing");
        }
    }

    /** The id after which a page in id order starts: null for the first page (no cursor), else from the cursor. */
    private UUID afterId(String scope, String cursor) {
        return after(scope, cursor, keys -> UUID.fromString(keys.get(0)));
    }

    private <R, T> Page<T> page(String scope, List<R> rows, int limit, Function<R, UUID> id, Function<R, T> view) {
        return pageByKey(scope, rows, limit, r -> List.of(id.apply(r).toString()), view);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid(String why) {
        return new ProblemException(ProblemType.INVALID_CURSOR, "The cursor is invalid: " + why + ". Start again "
                + "from the first page (no cursor).", List.of(new Problem.FieldError("cursor", why)));
    }
}
