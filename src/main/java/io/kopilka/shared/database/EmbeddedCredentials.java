package io.kopilka.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two generated passwords of the embedded PostgreSQL, each in a file of its own (mode 0600) in
 * the PostgreSQL data directory, so a copy of that directory carries them: {@value #SERVICE_FILE}
 * for the role the service runs as ({@value #SERVICE_ROLE}, not a superuser, owner of the schema)
 * and {@value #SUPERUSER_FILE} for the superuser ({@value #SUPERUSER}), used only to set the
 * database up and for maintenance. The files are the truth: the service role's password is set from
 * its file at every start.
 */
record EmbeddedCredentials(String superuserPassword, String servicePassword) {
    static final String SUPERUSER = "postgres";
    static final String SERVICE_ROLE = "kopilka";
    static final String SUPERUSER_FILE = "postgres.password";
    static final String SERVICE_FILE = "kopilka.password";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(newPassword(), newPassword());
    }

    /** What is stored in {@code dataDirectory}, with a new password for each file that is missing. */
    static EmbeddedCredentials loadOrGenerate(Path dataDirectory) throws IOException {
        return new EmbeddedCredentials(
                read(dataDirectory.resolve(SUPERUSER_FILE)).orElseGet(EmbeddedCredentials::newPassword),
                read(dataDirectory.resolve(SERVICE_FILE)).orElseGet(EmbeddedCredentials::newPassword));
    }

    static boolean stored(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve(SUPERUSER_FILE))
                && Files.isRegularFile(dataDirectory.resolve(SERVICE_FILE));
    }

    void store(Path dataDirectory) throws IOException {
        writePrivate(dataDirectory.resolve(SUPERUSER_FILE), superuserPassword);
        writePrivate(dataDirectory.resolve(SERVICE_FILE), servicePassword);
    }

    /** 256 random bits, URL-safe Base64: nothing that needs quoting in SQL, a shell or a URL. */
    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; its mode is set back to 0600", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file).strip();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty; put the password back or delete the file");
        }
        return Optional.of(password);
    }

    /** Written to a new file created with mode 0600 (never readable by others, not even briefly), then moved. */
    static void writePrivate(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix(file.getParent())) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temporary); // Windows: the data directory's ACL applies
        }
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[***]";
    }
}
