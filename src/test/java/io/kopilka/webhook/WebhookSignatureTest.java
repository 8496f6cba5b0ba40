package io.kopilka.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheStandardWebhooksTestVector() {
        // The example of the Standard Webhooks reference libraries.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aRotationSignsWithBothSecretsSpaceSeparated() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(a, b), "msg_1", 42, "{}");
        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(a, "msg_1", 42, "{}"),
                WebhookSignature.sign(b, "msg_1", 42, "{}"));
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
