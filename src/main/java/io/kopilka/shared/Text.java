package io.kopilka.shared;

import java.util.Map;
import java.util.Objects;

/**
 * A customer-facing sentence as data: a key of the message bundles and its arguments. Kept instead
 * of the words, it can be stored and read later in whichever language the reader reads;
 * {@link Texts} renders it.
 *
 * @param args by name: a {@code String} is shown as it is (a rule's or a level's name, a plain
 *             decimal such as "2.5"), a {@code Long} is a count (pluralised, digits without
 *             grouping), a {@link Money} is printed as receipts print it, {@link Names} are shown
 *             in the reader's language
 */
public record Text(String key, Map<String, Object> args) {

    public Text {
        Objects.requireNonNull(key, "key");
        args = Map.copyOf(args);
        for (var arg : args.entrySet()) {
            Object value = arg.getValue();
            if (!(value instanceof String || value instanceof Long || value instanceof Money || value instanceof Names)) {
                throw new IllegalArgumentException("argument '" + arg.getKey() + "' of " + key
                        + " is a " + value.getClass().getSimpleName() + ", not a String, Long, Money or Names");
            }
        }
    }
}
