package io.kopilka.web.till;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The checks whose redemption the member confirmed in this till's session. The code is good once, so a
 * retry of the same check (the same externalId: a double tap, a lost answer) goes straight to the
 * commit, which replays the first answer instead of asking for a second code.
 */
final class TillSession {
    private static final String KEY = "till.confirmed";
    private static final int KEPT = 50;

    private TillSession() {
    }

    static boolean confirmed(HttpSession session, String externalId) {
        return session.getAttribute(KEY) instanceof Set<?> set && set.contains(externalId);
    }

    @SuppressWarnings("unchecked")
    static synchronized void confirm(HttpSession session, String externalId) {
        Set<String> set = session.getAttribute(KEY) instanceof Set<?> s ? (Set<String>) s : new LinkedHashSet<>();
        set.add(externalId);
        while (set.size() > KEPT) {
            set.remove(set.iterator().next());
        }
        session.setAttribute(KEY, set);
    }
}
