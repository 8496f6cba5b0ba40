package io.kopilka.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** Holds an embedded PostgreSQL open until the process ends: a stand-in for a running Kopilka. */
public final class EmbeddedServerMain {
    private EmbeddedServerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception ignored) {
                // the JVM is ending either way
            }
        }));
        Thread.currentThread().join();
    }
}
