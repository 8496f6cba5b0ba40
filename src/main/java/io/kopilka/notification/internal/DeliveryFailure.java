package io.kopilka.notification.internal;

/**
 * A channel did not take a message. {@code reason} goes to the log as it is (snake_case, e.g.
 * {@code smtp_unavailable}, {@code gateway_http_503}, {@code telegram_chat_blocked}).
 */
class DeliveryFailure extends Exception {
    private final String reason;
    private final boolean retryable;

    DeliveryFailure(String reason, boolean retryable, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.retryable = retryable;
    }

    String reason() {
        return reason;
    }

    boolean retryable() {
        return retryable;
    }
}
