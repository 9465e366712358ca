package org.fonds.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Node.js and npm from the Debian packages, for the tests that compile and run TypeScript. Skips the calling test when
 * they are missing, or fails it when {@code FONDS_REQUIRE_NODE=true} (CI).
 */
public final class Node {

    /** CI sets it so that a missing Node fails the build instead of silently skipping the TypeScript tests. */
    private static final String REQUIRED = "FONDS_REQUIRE_NODE";

    private Node() {
    }

    /** Skips the calling test when {@code node} or {@code npm} is not on the PATH, or fails it when they are required. */
    public static void requireInstalled() {
        boolean installed = works("node", "--version") && works("npm", "--version");
        String missing = "node or npm is missing; to run the TypeScript client test: apt-get install nodejs npm";
        if (!installed && Boolean.parseBoolean(System.getenv(REQUIRED))) {
            fail(missing + " (required because " + REQUIRED + "=true)");
        }
        assumeTrue(installed, missing);
    }

    private static boolean works(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
