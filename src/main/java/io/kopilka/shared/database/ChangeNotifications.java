package io.kopilka.shared.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every app instance that configuration changed, through PostgreSQL LISTEN/NOTIFY: a change
 * is announced in the transaction that makes it (delivered only if it commits), and each instance
 * drops what it cached. While the listening connection is down, listeners are told to drop
 * everything ({@code payload == null}) and caches must not be trusted ({@link #live()} is false).
 */
@Component
public class ChangeNotifications implements ChangeFeed, InitializingBean, DisposableBean {
    public static final String CHANNEL = "kopilka_config";
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean live;
    /** Read and written by the listener thread only. */
    private boolean outageReported;
    private volatile boolean stopped;
    private Thread thread;

    public ChangeNotifications(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Announces a change; joins the caller's transaction, so only a committed change is announced. */
    @Override
    public void publish(String payload) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", payload)
                .query((rs, i) -> 1).list();
    }

    /** Called with each payload, or with null when everything must be dropped. */
    @Override
    public void subscribe(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Whether notifications are flowing: only then may a cache be trusted. */
    @Override
    public boolean live() {
        return live;
    }

    @Override
    public void afterPropertiesSet() {
        thread = Thread.ofPlatform().daemon().name("kopilka-config-listener").start(this::listen);
    }

    private void listen() {
        while (!stopped) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (outageReported) {
                    log.info("Configuration change listener is back; caches are used again");
                    outageReported = false;
                }
                live = true;
                dropAll(); // anything cached before we listened may be stale
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            listeners.forEach(l -> l.accept(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // Once per outage with its cause, then quietly: while the database is away this
                // loop retries every second, and a stack trace a second would bury the log.
                if (!stopped && !outageReported) {
                    log.warn("Configuration change listener lost its connection; caches are bypassed until it is back", e);
                    outageReported = true;
                } else if (!stopped) {
                    log.debug("Configuration change listener still cannot connect: {}", e.toString());
                }
            } finally {
                live = false;
                dropAll();
            }
            if (!stopped) {
                try {
                    Thread.sleep(1_000); // reconnect pace, not a test wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void dropAll() {
        listeners.forEach(l -> l.accept(null));
    }

    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        if (thread != null) {
            thread.join(5_000);
        }
    }
}
