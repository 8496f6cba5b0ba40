package io.kopilka.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.KopilkaApplication;
import io.kopilka.testing.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL lets nobody in without a password, and the service is no superuser: on a
 * new data directory, and on one made by an earlier version (trust, everything owned by postgres),
 * which the first start secures. Each test runs the whole application on a directory of its own.
 */
class EmbeddedDatabaseSecurityIT {
    static final String PLATFORM_KEY = "security-platform-key-0123456789";

    @Test
    void aNewDataDirectoryNeedsPasswordsAndTheServiceIsNoSuperuser() throws Exception {
        Path dataDir = newDataDir("new");
        try (ConfigurableApplicationContext app = start("--kopilka.data-dir=" + dataDir)) {
            assertSecured(app, dataDir.resolve("postgres"));
            Api api = api(app);
            Api.Response tenant = api.post(PLATFORM_KEY, "/api/v1/tenants",
                    Map.of("name", "Secure", "currency", "KZT", "timezone", "Asia/Almaty"));
            assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsSecuredAndKeepsItsData() throws Exception {
        Path dataDir = newDataDir("upgrade");
        Path pgData = dataDir.resolve("postgres");
        String adminKey;
        Api.Response member;
        // The earlier version, exactly: zonky's defaults (initdb -A trust, superuser postgres without a
        // password), and the application connected as postgres, so Flyway's table, db-scheduler's
        // table, the trigger function and all tables are owned by postgres in database postgres.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start()) {
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres", "postgres", null)) {
                assertThat(c.isValid(5)).as("trust: no password needed").isTrue();
            }
            assertThat(unixSocketAuthentication(old.getPort())).as("the socket lets postgres in").isEqualTo(AUTH_OK);
            try (ConfigurableApplicationContext earlier = start(
                    "--kopilka.db.url=jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres",
                    "--kopilka.db.user=postgres")) {
                Api api = api(earlier);
                Api.Response tenant = api.post(PLATFORM_KEY, "/api/v1/tenants",
                        Map.of("name", "Old", "currency", "KZT", "timezone", "Asia/Almaty"));
                assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
                adminKey = tenant.text("adminApiKey");
                Api.Response created = api.post(adminKey, "/api/v1/members", Map.of("phone", "+77011234567"));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                member = api.get(adminKey, "/api/v1/members/" + created.text("id"));
                JdbcClient jdbc = earlier.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_get_userbyid(c.relowner) = 'postgres'")
                        .query(Long.class).single()).as("tables owned by postgres").isGreaterThan(10);
            }
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).contains("trust");
        assertThat(pgData.resolve(EmbeddedCredentials.SERVICE_FILE)).doesNotExist();

        // This version, on that directory, twice: the first start secures it, the second finds it secured.
        for (int run = 1; run <= 2; run++) {
            try (ConfigurableApplicationContext app = start("--kopilka.data-dir=" + dataDir)) {
                assertSecured(app, pgData);
                Api api = api(app);
                Api.Response read = api.get(adminKey, "/api/v1/members?phone=%2B77011234567");
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.json()).isEqualTo(member.json());
                Api.Response another = api.post(adminKey, "/api/v1/members", Map.of("phone", "+7701123456" + run));
                assertThat(another.status()).as("writes work: %s", another).isEqualTo(201);
                try (Connection c = connect(app, "kopilka", password(pgData, EmbeddedCredentials.SERVICE_FILE))) {
                    assertThat(notOwnedByTheServiceRole(c)).as("objects not owned by kopilka").isEmpty();
                }
            }
        }
    }

    /** What must hold on any started embedded database. */
    private static void assertSecured(ConfigurableApplicationContext app, Path pgData) throws Exception {
        String superuser = password(pgData, EmbeddedCredentials.SUPERUSER_FILE);
        String service = password(pgData, EmbeddedCredentials.SERVICE_FILE);
        assertThat(superuser).isNotEqualTo(service).hasSizeGreaterThanOrEqualTo(40);
        for (String file : List.of(EmbeddedCredentials.SUPERUSER_FILE, EmbeddedCredentials.SERVICE_FILE)) {
            assertThat(Files.getPosixFilePermissions(pgData.resolve(file))).as(file)
                    .isEqualTo(EmbeddedCredentials.OWNER_ONLY);
        }

        for (String user : List.of("postgres", "kopilka")) {
            assertThatThrownBy(() -> connect(app, user, null)).as("%s without a password", user)
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(app, user, "wrong-" + superuser)).as("%s, wrong password", user)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }

        try (Connection c = connect(app, "kopilka", service); Statement s = c.createStatement()) {
            assertThat(query(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
            assertThatThrownBy(() -> s.execute("COPY (SELECT 1) TO PROGRAM 'true'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThat(query(c, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"))
                    .isEqualTo("kopilka");
        }
        int port = app.getBean(DatabaseConfiguration.EmbeddedDatabase.class).server().port();
        assertThat(unixSocketAuthentication(port)).as("the Unix socket asks for a scram password")
                .isEqualTo(AUTH_SASL);
        try (Connection c = connect(app, "postgres", superuser)) {
            // The rules the server has loaded, the Unix socket's ("local") included.
            assertThat(query(c, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"))
                    .isEqualTo("scram-sha-256");
            assertThat(query(c, "SELECT count(*)::text FROM pg_hba_file_rules WHERE type = 'local'")).isNotEqualTo("0");
        }
        // And the application itself runs as the service role.
        assertThat(app.getBean(JdbcClient.class).sql("SELECT current_user").query(String.class).single())
                .isEqualTo("kopilka");
    }

    private static final int AUTH_OK = 0;
    private static final int AUTH_SASL = 10;

    /**
     * What the server answers on its Unix socket ({@code /tmp/.s.PGSQL.<port>}, the default of these
     * binaries) to a start-up message for postgres: the authentication request code (0 = in without
     * a password, 10 = SASL, i.e. scram), or -1 for an error. pgjdbc cannot speak over a Unix socket;
     * the first exchange of the protocol is enough to tell.
     */
    private static int unixSocketAuthentication(int port) throws IOException {
        Path socket = Path.of("/tmp", ".s.PGSQL." + port);
        assertThat(socket).as("the server's Unix socket").exists();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            byte[] parameters = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer startup = ByteBuffer.allocate(8 + parameters.length);
            startup.putInt(8 + parameters.length).putInt(196608).put(parameters).flip(); // protocol 3.0
            while (startup.hasRemaining()) {
                channel.write(startup);
            }
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            byte type = in.readByte();
            in.readInt(); // length
            return type == 'R' ? in.readInt() : -1;
        }
    }

    private static List<String> notOwnedByTheServiceRole(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> 'kopilka'
                UNION ALL
                SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'kopilka'""")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static Connection connect(ConfigurableApplicationContext app, String user, String password)
            throws SQLException {
        EmbeddedPostgresServer server = app.getBean(DatabaseConfiguration.EmbeddedDatabase.class).server();
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String password(Path pgData, String file) throws Exception {
        return Files.readString(pgData.resolve(file)).strip();
    }

    private static Path newDataDir(String name) {
        return Path.of("target", "security-it", name + "-" + UUID.randomUUID()).toAbsolutePath();
    }

    /** Shows the health components (which database check is DOWN); anonymous callers see the status only. */
    static final String METRICS_TOKEN = "outage-metrics-token-0123456789";

    static ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        for (String standard : List.of("--server.port=0", "--server.address=127.0.0.1",
                "--kopilka.platform-key=" + PLATFORM_KEY, "--kopilka.db.embedded-durable=false",
                "--kopilka.jobs.enabled=false", "--kopilka.metrics-token=" + METRICS_TOKEN)) {
            String key = standard.substring(0, standard.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(key))) {
                args.add(standard);
            }
        }
        return new SpringApplicationBuilder(KopilkaApplication.class).run(args.toArray(String[]::new));
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }
}
