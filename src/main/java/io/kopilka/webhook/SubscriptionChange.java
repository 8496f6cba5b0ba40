package io.kopilka.webhook;

import java.util.List;

/** What a {@code PATCH} changes; a null field stays as it is. {@code enabled: true} also clears the failures. */
public record SubscriptionChange(String url, List<String> events, String description, Boolean enabled) {
}
