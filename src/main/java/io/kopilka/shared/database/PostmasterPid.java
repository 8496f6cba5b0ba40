package io.kopilka.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The PID of the server that holds a data directory: the first line of its {@code postmaster.pid}.
 * Nothing when there is no such file or it names no number; the process may be long gone (a stale
 * file is removed by PostgreSQL itself on its next start).
 */
final class PostmasterPid {
    private PostmasterPid() {
    }

    static Optional<Long> read(Path dataDirectory) throws IOException {
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
}
