package org.fonds.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The running Fonds that serves from an embedded data directory: an exclusive lock on a file beside the directory
 * ({@code data/pg.owner}), held while this process lives, with its pid and start time written in it. The operating
 * system releases the lock when the process ends, however it ends (SIGKILL included), so a free lock means that a
 * postmaster left on the directory is an orphan, and a held lock means another Fonds is serving from it: the second
 * start refuses, naming that process, instead of taking its live PostgreSQL for an orphan.
 */
record Owner(FileChannel channel, FileLock lock) {

    /** The lock file of {@code dataDir}: beside it, since initdb wants the directory itself empty. */
    static Path lockFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".owner");
    }

    /** Takes the directory for this process, or throws {@link EmbeddedDatabase.InUse} naming the process that has it. */
    static Owner claim(Path dataDir) throws IOException {
        Path file = lockFile(dataDir);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very JVM serves from it already
        }
        if (lock == null) {
            channel.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new EmbeddedDatabase.InUse("The embedded PostgreSQL in " + dataDir + " is in use by a running Fonds ("
                    + (holder.isEmpty() ? "process unknown" : holder) + "). Stop that one first, or give this one "
                    + "its own directory with FONDS_EMBEDDED_DATA_DIR (and its own QUARKUS_HTTP_PORT).");
        }
        ProcessHandle self = ProcessHandle.current();
        String who = "pid " + self.pid() + ", started " + self.info().startInstant().orElse(Instant.now());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((who + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new Owner(channel, lock);
    }

    /** Gives the directory up (after its PostgreSQL has stopped). */
    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the process is ending; the system releases the lock with it
        }
    }

}
