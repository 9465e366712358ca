package org.fonds.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The consistency token of read-your-writes: it names the WAL position it was made for, and one that this
 * deployment did not make (tampered, foreign secret, garbage) names none, so that it is ignored (ReplicaIT shows the
 * token at work against a real replica).
 */
class ConsistencyTokensTest {

    private final ConsistencyTokens tokens = new ConsistencyTokens("secret of this deployment");

    @Test
    void aTokenNamesThePositionItWasMadeFor() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            long position = random.nextLong(0, Long.MAX_VALUE);
            String token = tokens.encode(position);
            assertEquals(position, tokens.decode(token), "seed " + seed + ", position " + position);
            assertTrue(token.matches("[A-Za-z0-9_-]{27}"), token);
        }
        assertEquals(0, tokens.decode(tokens.encode(0)));
    }

    @Test
    void aTokenThisDeploymentDidNotMakeNamesNoPosition() {
        String token = tokens.encode(0x16B3748L);
        assertEquals(-1, new ConsistencyTokens("another secret").decode(token), "signed with another secret");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[7] ^= 1; // another position, same signature
        assertEquals(-1, tokens.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
        assertEquals(-1, tokens.decode(token.substring(1)));
        assertEquals(-1, tokens.decode(token + "A"));
        assertEquals(-1, tokens.decode("0/16B3748"), "a raw LSN is not a token");
        assertEquals(-1, tokens.decode("not base64!"));
        assertEquals(-1, tokens.decode(""));
        assertEquals(-1, tokens.decode(null));
        assertEquals(-1, tokens.decode("A".repeat(10_000)));
        assertEquals(-1, tokens.decode(tokens.encode(-5)), "no negative position");
    }
}
