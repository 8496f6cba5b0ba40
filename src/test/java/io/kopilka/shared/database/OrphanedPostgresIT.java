package io.kopilka.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real situations, with a second JVM: a Kopilka killed hard (kill -9) leaves its PostgreSQL
 * running, and the next start stops it; a Kopilka still running keeps its PostgreSQL, and a second
 * start on the same data directory is refused instead.
 */
class OrphanedPostgresIT {

    @Test
    void stopsTheServerOfAKilledRun() throws Exception {
        Path dir = newDirectory("orphan");
        Process owner = startServerInAnotherJvm(dir);
        ProcessHandle server = serverOf(dir);
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: the server lives on
        assertThat(server.isAlive()).isTrue();

        OrphanedPostgres.stopIfRunning(dir);

        assertThat(server.isAlive()).isFalse();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void leavesTheServerOfARunningKopilkaAlone() throws Exception {
        Path dir = newDirectory("in-use");
        Process owner = startServerInAnotherJvm(dir);
        ProcessHandle server = serverOf(dir);
        try {
            assertThatThrownBy(() -> OrphanedPostgres.stopIfRunning(dir))
                    .isInstanceOf(IOException.class).hasMessageContaining("Another running Kopilka");
            assertThat(server.isAlive()).isTrue();
        } finally {
            owner.destroy(); // a normal stop: its shutdown hook stops the server
            owner.waitFor(30, TimeUnit.SECONDS);
            server.destroy();
        }
    }

    @Test
    void aStaleFileWithoutAServerIsLeftAlone() throws Exception {
        Path dir = newDirectory("stale");
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n");
        OrphanedPostgres.stopIfRunning(dir);
        assertThat(dir.resolve("postmaster.pid")).exists();
    }

    private static Path newDirectory(String name) throws IOException {
        return Files.createDirectories(Path.of("target/it-data/" + name + "-" + System.nanoTime()).toAbsolutePath());
    }

    /** Starts embedded PostgreSQL on {@code dir} from a separate JVM, as a running Kopilka would. */
    private static Process startServerInAnotherJvm(Path dir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedServerMain.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile())
                .start();
    }

    /** Waits (bounded) for the server's pid file and returns the server process. */
    private static ProcessHandle serverOf(Path dir) throws Exception {
        Path pid = dir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // the other process's time, not the app's
        while (System.nanoTime() < deadline) {
            if (Files.exists(pid) && Files.exists(dir.resolve("epg-lock"))) {
                List<String> lines = Files.readAllLines(pid);
                if (lines.size() > 7 && lines.get(7).trim().equals("ready")) {
                    return ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).orElseThrow();
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the server did not start in " + dir);
    }
}
