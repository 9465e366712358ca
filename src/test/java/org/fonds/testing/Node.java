package org.fonds.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /** What a command printed (stdout and stderr) and its exit code. */
    public record Result(int exitCode, String output) {
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

    /** Runs {@code command} in {@code dir} with these extra environment variables; fails the test on a time-out. */
    public static Result run(Path dir, Map<String, String> env, Duration timeout, String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // read while it runs: a full pipe would block it
            byte[][] output = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    output[0] = process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    output[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeout);
            }
            reader.join(Duration.ofSeconds(10).toMillis());
            return new Result(process.exitValue(), output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
