package io.kopilka.shared.database;

import java.util.function.Consumer;

/** Announcements that configuration changed, seen by every app instance (see ChangeNotifications). */
public interface ChangeFeed {

    /** Announces a change; only a committed change is delivered. */
    void publish(String payload);

    /** Called with each payload, or with null when everything must be dropped. */
    void subscribe(Consumer<String> listener);

    /** Whether announcements are flowing: only then may a cache be trusted. */
    boolean live();
}
