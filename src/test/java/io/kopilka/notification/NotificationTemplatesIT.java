package io.kopilka.notification;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tenants' own texts: listed, saved after a check, used for the tenant's next message only, reset, previewed. */
class NotificationTemplatesIT extends IntegrationTest {
    private static final String TEMPLATES = "/api/v1/notifications/templates";
    private static final String WELCOME_EMAIL_RU = TEMPLATES + "/welcome/ru/email";
    private static final Map<String, Object> OWN_WELCOME = Map.of(
            "subject", "{{business}} рада вам{{#name}}, {{name}}{{/name}}!",
            "body", "Ваша карта {{cardNumber}}.{{#welcomePoints}} Подарок: {{#plural}}{welcomePoints, plural, "
                    + "one{# балл} few{# балла} many{# баллов} other{# балла}}{{/plural}}.{{/welcomePoints}}");

    private Api.Response put(TestTenant t, String path, Object body, String key) {
        return api.send("PUT", t.adminKey(), path, body, Map.of("Idempotency-Key", key));
    }

    /** The welcome message a new member gets (rendered even when no channel can carry it). */
    private JsonNode welcomeOf(TestTenant t, String member) {
        String path = "/api/v1/notifications?memberId=" + member + "&kind=welcome";
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(t.adminKey(), path).json().path("items").size() == 1);
        return api.get(t.adminKey(), path).json().path("items").get(0);
    }

    private String member(TestTenant t, String name, String locale) {
        return newMember(t, Map.of("phone", randomPhone(), "name", name, "locale", locale,
                "email", "m-" + UUID.randomUUID() + "@example.kz", "consents", Map.of("email", true))).text("id");
    }

    private long rows(TestTenant t) {
        return jdbc.sql("SELECT count(*) FROM notification_template WHERE tenant_id = :t")
                .param("t", UUID.fromString(t.id())).query(Long.class).single();
    }

    @Test
    void the_list_has_every_text_and_filters() {
        TestTenant t = newTenant();
        Api.Response all = api.get(t.adminKey(), TEMPLATES);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().path("items")).hasSize(78);
        JsonNode kk = api.get(t.adminKey(), TEMPLATES + "?kind=points_expiring&locale=kk&channel=sms").json()
                .path("items");
        assertThat(kk).hasSize(1);
        assertThat(kk.get(0).path("subject").isNull()).isTrue();
        assertThat(kk.get(0).path("custom").asBoolean()).isFalse();
        assertThat(kk.get(0).path("body").asString()).contains("{{business}}");
        assertThat(api.get(t.adminKey(), TEMPLATES + "?channel=email").json().path("items")).hasSize(39);
        assertInvalid(api.get(t.adminKey(), TEMPLATES + "?kind=spam"), "kind");
        assertInvalid(api.get(t.adminKey(), TEMPLATES + "?locale=de"), "locale");
        assertInvalid(api.get(t.adminKey(), TEMPLATES + "?channel=telegram"), "channel");
    }

    @Test
    void an_own_text_changes_the_next_message_of_that_tenant_only_and_delete_restores_the_default() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        Api.Response saved = put(a, WELCOME_EMAIL_RU, OWN_WELCOME, "tpl-1");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("custom").asBoolean()).isTrue();
        assertThat(saved.text("subject")).isEqualTo(OWN_WELCOME.get("subject"));
        assertThat(put(a, WELCOME_EMAIL_RU, OWN_WELCOME, "tpl-1").json()).as("a replay").isEqualTo(saved.json());
        assertProblem(put(a, WELCOME_EMAIL_RU, Map.of("subject", "x", "body", "{{cardNumber}}"), "tpl-1"), 409,
                "idempotency_conflict");

        JsonNode own = welcomeOf(a, member(a, "Айгерим", "ru"));
        assertThat(own.path("subject").asString()).endsWith("рада вам, Айгерим!");
        assertThat(own.path("body").asString()).startsWith("Ваша карта ");
        JsonNode other = welcomeOf(b, member(b, "Данияр", "ru"));
        assertThat(other.path("body").asString()).as("tenant B keeps the default").startsWith("Здравствуйте, Данияр!");
        JsonNode kazakh = welcomeOf(a, member(a, "Ерлан", "kk"));
        assertThat(kazakh.path("body").asString()).as("only ru was replaced").startsWith("Сәлеметсіз бе, Ерлан!");

        JsonNode audit = api.get(a.adminKey(), "/api/v1/audit?objectType=notification_template").json().path("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("action").asString()).isEqualTo("notification_template.updated");
        assertThat(audit.get(0).path("objectId").asString()).isEqualTo("welcome/ru/email");
        assertThat(audit.get(0).path("before").path("custom").asBoolean()).isFalse();
        assertThat(audit.get(0).path("after").path("body").asString()).startsWith("Ваша карта");

        Api.Response reset = api.send("DELETE", a.adminKey(), WELCOME_EMAIL_RU, null, Map.of("Idempotency-Key", "d-1"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(api.delete(a.adminKey(), WELCOME_EMAIL_RU).status()).as("again: nothing to do").isEqualTo(204);
        assertThat(rows(a)).isZero();
        assertThat(welcomeOf(a, member(a, "Асель", "ru")).path("body").asString()).startsWith("Здравствуйте, Асель!");
        JsonNode listed = api.get(a.adminKey(), TEMPLATES + "?kind=welcome&locale=ru&channel=email").json()
                .path("items").get(0);
        assertThat(listed.path("custom").asBoolean()).isFalse();
        JsonNode entries = api.get(a.adminKey(), "/api/v1/audit?objectType=notification_template").json().path("items");
        assertThat(entries).as("the second DELETE changed nothing").hasSize(2);
        assertThat(entries.get(0).path("action").asString()).isEqualTo("notification_template.reset");
        assertThat(entries.get(0).path("after").path("custom").asBoolean()).isFalse();
    }

    @Test
    void an_invalid_text_is_refused_with_the_renderers_line_and_nothing_is_written() {
        TestTenant t = newTenant();
        Api.Response unclosed = put(t, TEMPLATES + "/welcome/ru/sms", Map.of("body",
                "Привет!\n{{#welcomePoints}}+{{welcomePoints}}"), "bad-1");
        assertProblem(unclosed, 422, "template_invalid");
        assertThat(unclosed.text("detail")).contains("welcomePoints");
        Api.Response unknown = put(t, WELCOME_EMAIL_RU, Map.of("subject", "Привет", "body",
                "Ваша карта {{cardNumber}}.\nБонус: {{bonus}}"), "bad-2");
        assertProblem(unknown, 422, "template_invalid");
        assertThat(unknown.json().path("line").asInt()).isEqualTo(2);
        assertThat(unknown.text("detail")).contains("bonus");
        assertInvalid(put(t, WELCOME_EMAIL_RU, Map.of("body", "{{cardNumber}}"), "bad-3"), "subject");
        assertInvalid(put(t, TEMPLATES + "/welcome/ru/sms", Map.of("subject", "x", "body", "{{cardNumber}}"), "bad-4"),
                "subject");
        assertInvalid(put(t, TEMPLATES + "/welcome/ru/sms", Map.of("body", "x".repeat(10_001)), "bad-5"), "body");
        assertProblem(put(t, TEMPLATES + "/login_code/ru/sms", Map.of("body",
                "Код {{code}}. " + "Никому его не говорите. ".repeat(20)), "bad-6"), 422, "template_too_long");
        assertProblem(put(t, TEMPLATES + "/spam/ru/sms", Map.of("body", "x"), "bad-7"), 404, "not_found");
        assertProblem(put(t, TEMPLATES + "/welcome/de/sms", Map.of("body", "x"), "bad-8"), 404, "not_found");
        assertProblem(put(t, TEMPLATES + "/welcome/ru/telegram", Map.of("body", "x"), "bad-9"), 404, "not_found");
        assertThat(rows(t)).isZero();
        assertThat(api.get(t.adminKey(), "/api/v1/audit?objectType=notification_template").json().path("items"))
                .isEmpty();
        // A corrected retry under the same key goes through: the refusal kept nothing of it.
        assertThat(put(t, TEMPLATES + "/welcome/ru/sms", Map.of("body", "{{business}}: {{cardNumber}}"), "bad-1")
                .status()).isEqualTo(200);
    }

    @Test
    void a_preview_for_a_kazakh_member_is_in_kazakh_with_their_name_card_and_balance() {
        TestTenant t = newTenant();
        String member = member(t, "Ерлан", "kk");
        String card = api.get(t.adminKey(), "/api/v1/members/" + member).text("cardNumber");
        Api.Response r = api.post(t.adminKey(), TEMPLATES + "/welcome/kk/email/preview", Map.of("memberId", member));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("subject")).endsWith("бонустық бағдарламаға қош келдіңіз");
        assertThat(r.text("body")).startsWith("Сәлеметсіз бе, Ерлан!").contains(card);
        assertThat(r.text("html")).contains("Ерлан");
        assertThat(r.json().path("segments").isNull()).isTrue();

        // Without a member: the sample one; an SMS says what it costs.
        Api.Response sms = api.post(t.adminKey(), TEMPLATES + "/balance/ru/sms/preview", Map.of());
        assertThat(sms.status()).as(sms.toString()).isEqualTo(200);
        assertThat(sms.text("body")).contains("540");
        assertThat(sms.json().path("segments").asInt()).as("with the test tenant's long name and URL").isPositive();
        assertThat(sms.text("encoding")).isEqualTo("ucs2");
        assertThat(sms.json().path("subject").isNull()).isTrue();
        assertThat(sms.json().path("html").isNull()).isTrue();
    }

    @Test
    void a_preview_renders_an_unsaved_body_and_writes_nothing() {
        TestTenant t = newTenant();
        String member = member(t, "Айгерим", "ru");
        Api.Response r = api.post(t.adminKey(), TEMPLATES + "/login_code/ru/sms/preview",
                Map.of("memberId", member, "body", "{{#name}}{{name}}, {{/name}}код {{code}} на {{validMinutes}} мин"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("body")).isEqualTo("Айгерим, код 482913 на 10 мин");
        assertThat(rows(t)).isZero();
        // A draft subject alone keeps the stored body.
        Api.Response subject = api.post(t.adminKey(), WELCOME_EMAIL_RU + "/preview", Map.of("subject", "Привет!"));
        assertThat(subject.text("subject")).isEqualTo("Привет!");
        assertThat(subject.text("body")).startsWith("Здравствуйте, Айгерим!");
        // A long SMS is shown with its count, a broken draft refused as a save would be.
        Api.Response longSms = api.post(t.adminKey(), TEMPLATES + "/login_code/ru/sms/preview",
                Map.of("body", "Код {{code}}. " + "Никому его не говорите. ".repeat(20)));
        assertThat(longSms.json().path("segments").asInt()).isGreaterThan(6);
        assertProblem(api.post(t.adminKey(), TEMPLATES + "/login_code/ru/sms/preview", Map.of("body", "{{#code}}")),
                422, "template_invalid");
    }

    @Test
    void another_tenants_member_is_not_found_and_a_till_may_not_touch_templates() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        String theirs = member(b, "Данияр", "ru");
        assertProblem(api.post(a.adminKey(), WELCOME_EMAIL_RU + "/preview", Map.of("memberId", theirs)), 404,
                "not_found");
        assertProblem(api.post(a.adminKey(), WELCOME_EMAIL_RU + "/preview", Map.of("memberId", "nope")), 404,
                "not_found");
        String pos = newKey(a, "pos");
        assertProblem(api.get(pos, TEMPLATES), 403, "forbidden");
        assertProblem(api.put(pos, WELCOME_EMAIL_RU, OWN_WELCOME), 403, "forbidden");
        assertProblem(api.delete(pos, WELCOME_EMAIL_RU), 403, "forbidden");
        assertProblem(api.post(pos, WELCOME_EMAIL_RU + "/preview", Map.of()), 403, "forbidden");
        assertThat(rows(a)).isZero();
        api.get(b.adminKey(), TEMPLATES).json().path("items")
                .forEach(item -> assertThat(item.path("custom").asBoolean()).isFalse());
    }
}
