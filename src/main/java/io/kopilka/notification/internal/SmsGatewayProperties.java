package io.kopilka.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An SMS gateway's HTTP API ({@code KOPILKA_SMS_*}); no URL: no SMS.
 *
 * @param url     where the request goes; it may name {@code {{toUrl}}}, {@code {{textUrl}}} (a GET gateway)
 * @param method  {@code POST} unless said
 * @param headers {@code Name: value} lines (an API key, a content type)
 * @param body    a Mustache template of the request body: {@code {{to}}}, {@code {{text}}}, {@code {{sender}}},
 *                and their escaped forms {@code {{toJson}}}, {@code {{textJson}}} (JSON string contents) and
 *                {@code {{toUrl}}}, {@code {{textUrl}}}, {@code {{senderUrl}}} (form-encoded)
 * @param sender  the sender name the gateway registered for the account
 */
@ConfigurationProperties("kopilka.sms")
record SmsGatewayProperties(String url, String method, String headers, String body, String sender) {

    boolean configured() {
        return url != null && !url.isBlank();
    }
}
