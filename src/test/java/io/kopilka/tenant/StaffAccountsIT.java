package io.kopilka.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff accounts through the API: invitations, links, roles, deactivation, and each refusal. */
class StaffAccountsIT extends IntegrationTest {
    private TestTenant tenant;
    private String key;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        key = tenant.adminKey();
        assertThat(api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Main")).status()).isEqualTo(201);
    }

    private static String email() {
        return "staff-" + UUID.randomUUID() + "@example.test";
    }

    @Test
    void anInvitationAnswersWithAOneTimeLinkThatSetsThePassword() {
        String email = email();
        Api.Response created = api.post(key, "/api/v1/staff", Map.of("email", email.toUpperCase(), "name", "Айгуль",
                "role", "manager", "language", "kk"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("staff").path("email").asString()).isEqualTo(email);
        assertThat(created.json().path("staff").path("passwordSet").asBoolean()).isFalse();
        String path = URI.create(created.text("passwordLink")).getPath();
        assertThat(path).startsWith("/staff/password/");

        Screens screens = new Screens(port);
        Screens.Page form = screens.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().selectFirst("html").attr("lang")).isEqualTo("kk"); // the language the owner chose
        assertThat(screens.post(path, Map.of("password", "short")).status()).isEqualTo(422);
        Screens.Page set = screens.post(path, Map.of("password", "a long enough phrase"));
        assertThat(set.status()).isEqualTo(302);
        assertThat(set.location()).endsWith("/login?passwordSet");
        // The link is spent: a second use says so and changes nothing.
        assertThat(screens.get(path).status()).isEqualTo(404);
        assertThat(screens.post(path, Map.of("password", "another long phrase")).status()).isEqualTo(404);

        Screens.Page signedIn = new Screens(port).signIn(email, "a long enough phrase");
        assertThat(signedIn.location()).endsWith("/admin");
        Api.Response read = api.get(key, "/api/v1/staff/" + created.json().path("staff").path("id").asString());
        assertThat(read.json().path("passwordSet").asBoolean()).isTrue();
        assertThat(read.json().path("lastSignInAt").isNull()).isFalse();
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        List<Map<String, Object>> bad = List.of(
                Map.of("email", "not-an-email", "name", "A", "role", "owner"),
                Map.of("email", email(), "name", " ", "role", "owner"),
                Map.of("email", email(), "name", "A", "role", "boss"),
                Map.of("email", email(), "name", "A", "role", "cashier"),
                Map.of("email", email(), "name", "A", "role", "cashier", "stores", List.of("nowhere")),
                Map.of("email", email(), "name", "A", "role", "manager", "language", "de"));
        for (Map<String, Object> body : bad) {
            Api.Response r = api.post(key, "/api/v1/staff", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
        }
        assertThat(api.get(key, "/api/v1/staff").json().path("items").size()).isZero();
        String email = email();
        assertThat(api.post(key, "/api/v1/staff", Map.of("email", email, "name", "A", "role", "owner")).status())
                .isEqualTo(201);
        // An e-mail signs in to one business: another tenant cannot take it either.
        Api.Response taken = api.post(newTenant().adminKey(), "/api/v1/staff",
                Map.of("email", email, "name", "B", "role", "owner"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("email_taken");
    }

    @Test
    void theLastOwnerStaysAndAnotherTenantSeesNothing() {
        String owner = api.post(key, "/api/v1/staff", Map.of("email", email(), "name", "O", "role", "owner"))
                .json().path("staff").path("id").asString();
        Api.Response demote = api.patch(key, "/api/v1/staff/" + owner, Map.of("role", "manager"));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.code()).isEqualTo("last_owner");
        assertThat(api.delete(key, "/api/v1/staff/" + owner).status()).isEqualTo(409);

        String other = newTenant().adminKey();
        assertThat(api.get(other, "/api/v1/staff/" + owner).status()).isEqualTo(404);
        assertThat(api.patch(other, "/api/v1/staff/" + owner, Map.of("name", "X")).status()).isEqualTo(404);
        assertThat(api.delete(other, "/api/v1/staff/" + owner).status()).isEqualTo(404);
        assertThat(api.post(other, "/api/v1/staff/" + owner + "/password-link", Map.of()).status()).isEqualTo(404);
        assertThat(api.get(other, "/api/v1/staff").json().path("items").size()).isZero();
    }

    @Test
    void aPosKeyMayNotManageStaff() {
        String pos = api.post(key, "/api/v1/api-keys", Map.of("name", "till", "role", "pos")).text("key");
        assertThat(api.get(pos, "/api/v1/staff").status()).isEqualTo(403);
        assertThat(api.post(pos, "/api/v1/staff", Map.of("email", email(), "name", "A", "role", "owner")).status())
                .isEqualTo(403);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAQuarterOfAnHour() {
        Screens screens = new Screens(port);
        String email = email();
        screens.createStaff(key, email, "owner", null, "the right password");
        for (int i = 0; i < 4; i++) {
            assertThat(screens.signIn(email, "wrong password " + i).location()).endsWith("/login?error");
        }
        assertThat(screens.signIn(email, "wrong password 5").location()).endsWith("/login?locked");
        // Locked: even the right password waits.
        assertThat(screens.signIn(email, "the right password").location()).endsWith("/login?locked");
        clock.advance(Duration.ofMinutes(16));
        assertThat(screens.signIn(email, "the right password").location()).endsWith("/admin");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAsAWrongPassword() {
        assertThat(new Screens(port).signIn(email(), "whatever it is").location()).endsWith("/login?error");
    }

    @Test
    void everyChangeIsInTheAuditLogWithoutSecrets() {
        String id = api.post(key, "/api/v1/staff", Map.of("email", email(), "name", "Дана", "role", "cashier",
                "stores", List.of("main"))).json().path("staff").path("id").asString();
        api.patch(key, "/api/v1/staff/" + id, Map.of("name", "Дана Н."));
        api.post(key, "/api/v1/staff/" + id + "/password-link", Map.of());
        api.delete(key, "/api/v1/staff/" + id);
        Api.Response audit = api.get(key, "/api/v1/audit?objectType=staff");
        List<String> actions = audit.json().path("items").valueStream().map(e -> e.path("action").asString()).toList();
        assertThat(actions).contains("staff.invited", "staff.updated", "staff.password_link_issued",
                "staff.deactivated");
        assertThat(audit.body()).doesNotContain("password_hash", "passwordLink", "/staff/password/");
    }
}
