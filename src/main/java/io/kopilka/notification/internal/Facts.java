package io.kopilka.notification.internal;

import java.util.Map;

/** A notice's facts leave out what does not apply (templates never see a null). */
final class Facts {

    private Facts() {
    }

    static void putIfPresent(Map<String, Object> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, value);
        }
    }

    static void putIfPositive(Map<String, Object> facts, String name, long value) {
        if (value > 0) {
            facts.put(name, value);
        }
    }
}
