package io.kopilka.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server left behind by a hard-killed run is stopped before a new one starts on its data. */
class OrphanedPostgresIT {

    @Test
    void stopsAServerStillHoldingTheDataDirectory() throws Exception {
        Path dir = Path.of("target/it-data/orphan-" + System.nanoTime()).toAbsolutePath();
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
        try {
            List<String> pidFile = Files.readAllLines(dir.resolve("postmaster.pid"));
            ProcessHandle server = ProcessHandle.of(Long.parseLong(pidFile.getFirst().trim())).orElseThrow();
            assertThat(server.isAlive()).isTrue();

            OrphanedPostgres.stopIfRunning(dir);

            assertThat(server.isAlive()).isFalse();
            // A clean shutdown: the server removed its lock file, so a new server may start on the data.
            assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        } finally {
            try {
                orphan.close();
            } catch (Exception alreadyStopped) {
                // stopped by the code under test
            }
        }
    }

    @Test
    void aStaleFileWithoutAServerIsLeftAlone() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/it-data/stale-" + System.nanoTime()));
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n");
        OrphanedPostgres.stopIfRunning(dir);
        assertThat(dir.resolve("postmaster.pid")).exists();
    }
}
