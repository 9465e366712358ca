package org.fonds.bulk;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where an import's files wait: the uploaded body, until its job has read it, and the NDJSON format's deferred links.
 * A job deletes its files when it ends; a process that dies (SIGKILL, a crash, a full disk) cannot, and its files, as
 * large as the whole upload, would stay for ever. So each process keeps its files in a directory of its own under
 * {@code fonds.imports.work-dir}, beside a lock file it holds locked as long as it runs; at start-up, every directory
 * whose lock can be taken belongs to a process that has stopped, and is deleted. Processes sharing the work directory
 * (several instances on one machine, tests) never touch each other's files: the operating system releases a lock only
 * when its process ends. Written by hand: no library on the classpath keeps per-process scratch directories.
 */
@ApplicationScoped
@Startup // the sweep runs at start-up, not at the first import
public class ImportFiles {

    private static final Logger LOG = Logger.getLogger(ImportFiles.class);
    private static final String LOCK = "owner.lock";
    /** The directories of this JVM's instances: never opened by a sweep, whose closing would release their locks. */
    private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path mine;
    private final FileChannel lockChannel;

    public ImportFiles(@ConfigProperty(name = "fonds.imports.work-dir") Path root) {
        try {
            this.root = Files.createDirectories(root.toAbsolutePath(), ownerOnly());
            sweep();
            // owner-only, as the temporary files were: an upload may hold documents that are not public
            this.mine = Files.createDirectory(this.root.resolve(UUID.randomUUID().toString()), ownerOnly());
            OWNED.add(mine);
            // never closed while the process runs: closing any channel of the file would release the lock
            this.lockChannel = FileChannel.open(mine.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            if (lockChannel.tryLock() == null) {
                throw new IllegalStateException("Could not lock " + mine.resolve(LOCK));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the imports' work directory " + root, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rwx------"))}
                : new FileAttribute<?>[0];
    }

    /** A new empty file of this process's, named {@code <prefix>-<random><suffix>}. */
    public Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(mine, prefix + "-", suffix);
    }

    /** The directories of stopped processes, deleted (with what they hold). */
    private void sweep() throws IOException {
        List<Path> dirs;
        try (Stream<Path> entries = Files.list(root)) {
            dirs = entries.filter(Files::isDirectory).toList();
        }
        for (Path dir : dirs) {
            Path lock = dir.resolve(LOCK);
            if (OWNED.contains(dir) || !Files.isRegularFile(lock)) {
                continue; // not one of ours, or a process between creating its directory and its lock: left alone
            }
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                FileLock held = channel.tryLock();
                if (held == null) {
                    continue; // its process runs
                }
                long bytes = deleteTree(dir);
                LOG.infof("Deleted the import files of a stopped process: %s (%d bytes)", dir, bytes);
            } catch (IOException e) {
                LOG.warnf("Could not delete the import files in %s: %s", dir, e.getMessage());
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            deleteTree(mine);
            lockChannel.close();
            OWNED.remove(mine);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", mine, e.getMessage());
        }
    }

    private static long deleteTree(Path dir) throws IOException {
        long bytes = 0;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                bytes += Files.size(p);
            }
            Files.deleteIfExists(p);
        }
        return bytes;
    }
}
