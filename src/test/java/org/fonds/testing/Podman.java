package org.fonds.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * podman (and podman-compose) for the container tests, with the project's deploy/containers.conf. A machine without
 * podman, or without the image {@code make image} builds, skips those tests; CI sets {@code FONDS_REQUIRE_CONTAINERS=true}
 * (.ci/run installs podman and runs {@code make image}), and there they fail instead.
 */
public final class Podman {

    /** CI sets it so that a missing podman or image fails the build instead of silently skipping the container tests. */
    private static final String REQUIRED = "FONDS_REQUIRE_CONTAINERS";
    /** The image of {@code make image}; FONDS_IMAGE names another. */
    public static final String FONDS_IMAGE = System.getenv().getOrDefault("FONDS_IMAGE", "localhost/fonds:latest");
    /** The local base image of deploy/base-image.sh. */
    public static final String BASE_IMAGE = "localhost/fonds-base-jre:17";

    /** What a command printed (standard output and error together) and its exit status. */
    public record Result(int exitCode, String output) {

        public Result orFail(String what) {
            if (exitCode != 0) {
                fail(what + " failed (exit " + exitCode + "): " + output);
            }
            return this;
        }
    }

    private Podman() {
    }

    /**
     * Skips the calling test when podman (or another of {@code tools}, e.g. podman-compose) is not installed or
     * {@code image} does not exist, or fails it when the container tests are required.
     */
    public static void requireInstalled(String image, String... tools) throws Exception {
        List<String> needed = new ArrayList<>(List.of("podman"));
        needed.addAll(List.of(tools));
        for (String tool : needed) {
            if (!onPath(tool)) {
                skipOrFail(tool + " is not installed (apt-get install " + tool + "; .ci/run does)");
            }
        }
        if (run(Duration.ofSeconds(60), "image", "exists", image).exitCode() != 0) {
            skipOrFail("no image " + image + ": run `make image` first");
        }
    }

    private static void skipOrFail(String why) {
        if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
            fail(why + " (" + REQUIRED + "=true)");
        }
        assumeTrue(false, why + ": container test skipped");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** {@code podman ARGS...}, waiting at most {@code timeout}. */
    public static Result run(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return exec(command, Map.of(), null, timeout);
    }

    /** Any command (podman-compose) with the project's containers.conf and {@code env} added, in {@code dir}. */
    public static Result exec(List<String> command, Map<String, String> env, Path dir, Duration timeout)
            throws Exception {
        Path out = Files.createTempFile("fonds-podman", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            builder.environment().putIfAbsent("CONTAINERS_CONF", containersConf().toString());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, "timed out after " + timeout + ": " + Files.readString(out));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The project's deploy/containers.conf (runc, cgroupfs, file events, ulimits), as the scripts pass it. */
    public static Path containersConf() {
        return Path.of("deploy", "containers.conf").toAbsolutePath();
    }

    /** Removes a container, whatever its state (killed first: rm alone would wait for its stop timeout). */
    public static void removeQuietly(String container) {
        try {
            run(Duration.ofSeconds(30), "kill", container);
            run(Duration.ofSeconds(60), "rm", "--force", container);
        } catch (Exception e) {
            // best effort, in a test's cleanup
        }
    }

    public static String logs(String container) {
        try {
            String logs = fullLogs(container);
            return logs.length() > 6000 ? logs.substring(logs.length() - 6000) : logs;
        } catch (Exception e) {
            return "(no logs: " + e + ")";
        }
    }

    /**
     * The container's whole log, for what it must or must not hold ({@link #logs} keeps its end only, for a failure
     * message: the JVM's first line fell out of it once the start logged more migrations).
     */
    public static String fullLogs(String container) throws Exception {
        return run(Duration.ofSeconds(30), "logs", container).output();
    }
}
