package io.kopilka.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
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
}
