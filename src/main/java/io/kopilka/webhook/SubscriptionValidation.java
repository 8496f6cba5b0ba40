package io.kopilka.webhook;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shape of a subscription's fields, checked before anything is resolved or written. */
public final class SubscriptionValidation {
    public static final int MAX_URL = 2000;
    public static final int MAX_DESCRIPTION = 200;

    private SubscriptionValidation() {
    }

    /** Fields left null are not checked (a PATCH that does not change them); {@code creating} requires url and events. */
    public static void check(String url, List<String> events, String description, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (url != null || creating) {
            String problem = urlProblem(url);
            if (problem != null) {
                errors.add(new FieldError("url", problem));
            }
        }
        if (events != null || creating) {
            if (events == null || events.isEmpty()) {
                errors.add(new FieldError("events", "must name at least one event type"));
            } else if (events.size() > EventTypes.KNOWN.size() + 1 || new HashSet<>(events).size() != events.size()) {
                errors.add(new FieldError("events", "must not repeat an event type"));
            } else {
                for (String event : events) {
                    if (event == null || !EventTypes.known(event)) {
                        errors.add(new FieldError("events", "unknown event type " + event + "; known: "
                                + String.join(", ", EventTypes.KNOWN) + " and * for all"));
                    }
                }
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The request has invalid fields", errors, Map.of());
        }
    }

    /** The parsed URL once {@link #check} passed it. */
    public static URI uri(String url) {
        return URI.create(url);
    }

    private static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        if (url.length() > MAX_URL) {
            return "must be at most " + MAX_URL + " characters";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
                return "must be an absolute http or https URL";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "must name a host";
            }
            if (uri.getRawUserInfo() != null) {
                return "must not carry a user name or password";
            }
            if (uri.getRawFragment() != null) {
                return "must not have a fragment";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
    }
}
