package io.kopilka.tenant;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantApiIT extends IntegrationTest {

    private Api.Response create(Map<String, ?> body) {
        return api.post(PLATFORM_KEY, "/api/v1/tenants", body);
    }

    @Test
    void createsATenantWithAWorkingAdminKey() {
        Api.Response r = create(json("name", "Barber Bro", "currency", "KZT", "timezone", "Asia/Almaty", "locale", "kk"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.text("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(r.text("name")).isEqualTo("Barber Bro");
        assertThat(r.text("currency")).isEqualTo("KZT");
        assertThat(r.text("timezone")).isEqualTo("Asia/Almaty");
        assertThat(r.text("locale")).isEqualTo("kk");
        assertThat(r.text("country")).isEqualTo("KZ");
        OffsetDateTime createdAt = OffsetDateTime.parse(r.text("createdAt"));
        assertThat(createdAt.toInstant()).isEqualTo(START);
        assertThat(createdAt.getOffset()).isEqualTo(ZoneOffset.ofHours(5));
        assertThat(r.text("adminApiKey")).startsWith("kp_" + id.replace("-", "") + "_");

        Api.Response members = api.get(r.text("adminApiKey"), "/api/v1/members");
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.json().path("items")).isEmpty();
        Api.Response keys = api.get(r.text("adminApiKey"), "/api/v1/api-keys");
        assertThat(keys.json().path("items")).hasSize(1);
        assertThat(keys.json().path("items").get(0).path("role").asString()).isEqualTo("admin");
    }

    @Test
    void eachTenantGetsItsOwnIdAndKey() {
        Api.Response a = create(json("name", "Same name", "currency", "KZT", "timezone", "Asia/Almaty"));
        Api.Response b = create(json("name", "Same name", "currency", "KZT", "timezone", "Asia/Almaty"));
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(a.text("id")).isNotEqualTo(b.text("id"));
        assertThat(a.text("adminApiKey")).isNotEqualTo(b.text("adminApiKey"));
    }

    @Test
    void localeDefaultsToRussian() {
        Api.Response r = create(json("name", "No locale", "currency", "KZT", "timezone", "Asia/Almaty"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("locale")).isEqualTo("ru");
    }

    @Test
    void countryComesFromCurrencyThenTimeZoneThenExplicitChoice() {
        assertThat(create(json("name", "A", "currency", "RUB", "timezone", "Europe/Moscow")).text("country"))
                .isEqualTo("RU");
        assertThat(create(json("name", "B", "currency", "USD", "timezone", "Asia/Almaty", "locale", "en"))
                .text("country")).isEqualTo("KZ");
        assertThat(create(json("name", "C", "currency", "USD", "timezone", "UTC", "locale", "en")).text("country"))
                .isEqualTo("ZZ");
        assertThat(create(json("name", "D", "currency", "KZT", "timezone", "Asia/Almaty", "country", "ru"))
                .text("country")).isEqualTo("RU");
    }

    @Test
    void theTenantsCountryDecidesHowLocalPhonesAreRead() {
        TestTenant ru = newTenant("RUB", "Europe/Moscow", "ru");
        Api.Response m = api.post(ru.adminKey(), "/api/v1/members", Map.of("phone", "8 (916) 123-45-67"));
        assertThat(m.status()).as(m.toString()).isEqualTo(201);
        assertThat(m.text("phone")).isEqualTo("+79161234567");

        TestTenant unknown = newTenant("USD", "UTC", "en");
        assertInvalid(api.post(unknown.adminKey(), "/api/v1/members", Map.of("phone", "8 701 123 45 67")), "phone");
        assertThat(memberRows(unknown)).isZero();
        Api.Response intl = api.post(unknown.adminKey(), "/api/v1/members", Map.of("phone", "+7 701 123 45 67"));
        assertThat(intl.status()).as(intl.toString()).isEqualTo(201);
        assertThat(intl.text("phone")).isEqualTo("+77011234567");
    }

    @Test
    void missingFieldsAreRefusedTogether() {
        Api.Response r = assertInvalid(create(Map.of()), "name", "currency", "timezone");
        assertThat(r.json().path("errors")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void invalidValuesAreRefusedTogether() {
        String name = "Invalid " + UUID.randomUUID();
        assertInvalid(create(json("name", name, "currency", "KZTT", "timezone", "Mars/Olympus_Mons",
                "locale", "de", "country", "QQ")), "currency", "timezone", "locale", "country");
        assertInvalid(create(json("name", "X".repeat(201), "currency", "KZT", "timezone", "Asia/Almaty")), "name");
        assertInvalid(create(json("name", "   ", "currency", "KZT", "timezone", "Asia/Almaty")), "name");
        assertInvalid(create(json("name", name, "currency", "KZT", "timezone", "Asia/Almaty", "country", "ZZ")),
                "country");
        assertInvalid(create(json("name", name, "currency", "KZT", "timezone", "Asia/Almaty", "locale", "fr")),
                "locale");
        assertThat(jdbc.sql("SELECT count(*) FROM tenant WHERE name = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void malformedBodyIsABadRequest() {
        assertProblem(create("{\"name\": \"X\", "), 400, "malformed_request");
        assertProblem(api.post(PLATFORM_KEY, "/api/v1/tenants", "{\"name\": {\"nested\": 1}, \"currency\": \"KZT\"}"),
                400, "malformed_request");
    }

    private Api.Response create(String rawBody) {
        return api.post(PLATFORM_KEY, "/api/v1/tenants", rawBody);
    }
}
