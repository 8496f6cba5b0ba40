package io.kopilka.ledger;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A purchase's entry keeps why it earned as data, and history reads it in the reader's language:
 * by default the member's, or the one {@code lang} asks for. Entries written before keep their text.
 */
class HistoryLanguageIT extends IntegrationTest {
    private static final String RUSSIAN = "5% баллами с 7\u202F900 ₸: 395 баллов; Бонус: 10 баллов";
    private TestTenant tenant;
    private String key;
    private String member;
    private String phone;

    @BeforeEach
    void program() {
        tenant = newTenant("KZT", "Asia/Almaty", "en");
        key = tenant.adminKey();
        assertThat(api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Main")).status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/rules", Map.of("name", "5% back", "kind", "points_percent", "percent", "5",
                "priority", 20)).status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/rules", Map.of("name", "Бонус", "kind", "points_fixed", "points", 10,
                "priority", 10)).status()).isEqualTo(201);
        phone = randomPhone();
        member = newMember(tenant, Map.of("phone", phone, "locale", "ru")).text("id");
        Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", "h-1", "storeCode", "main",
                "member", Map.of("phone", phone), "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1,
                        "unitPrice", "7900.00"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("messages").get(0).asString()).as("the answer speaks the member's language")
                .isEqualTo("5% баллами с 7\u202F900 ₸: 395 баллов");
    }

    @Test
    void historyReadsInTheMembersLanguageByDefaultAndInTheOneAskedFor() {
        assertThat(earnNote("")).isEqualTo(RUSSIAN).isEqualTo(storedNote());
        assertThat(earnNote("?lang=en")).isEqualTo("5% back on 7\u202F900 ₸: 395 points; Бонус: 10 points");
        assertThat(earnNote("?lang=kk")).isEqualTo("7\u202F900 ₸ сомасынан 5%: 395 ұпай; Бонус: 10 ұпай");
        assertThat(earnNote("?lang=RU")).isEqualTo(RUSSIAN);
        assertInvalid(api.get(key, "/api/v1/members/" + member + "/history?lang=de"), "lang");
    }

    @Test
    void anEntryWrittenBeforeExplanationsWereDataReadsAsItWasStored() {
        earnedAsBefore("как было записано", null);
        assertThat(earnNote("")).isEqualTo("как было записано");
        assertThat(earnNote("?lang=en")).isEqualTo("как было записано");
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void anEntryNamingATextTheBundlesNoLongerHaveReadsAsItWasStored() {
        earnedAsBefore("как было записано", "[{\"key\": \"explanation.gone\", \"args\": {}}]");
        assertThat(earnNote("?lang=en")).isEqualTo("как было записано");
    }

    /**
     * An earning written a minute after the purchase's, as an older version (or another) wrote it:
     * entries are append-only, so it is a new one, with its lot and balance, not an edited one.
     */
    private void earnedAsBefore(String note, String explanation) {
        UUID lot = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO points_lot (tenant_id, id, member_id, points, remaining, available_at, created_at)
                SELECT tenant_id, :lot, member_id, 7, 7, created_at, created_at + interval '1 minute'
                FROM ledger_entry WHERE tenant_id = :t AND type = 'earn'""")
                .param("t", UUID.fromString(tenant.id())).param("lot", lot).update();
        jdbc.sql("""
                INSERT INTO ledger_entry (tenant_id, id, member_id, type, points, lot_id, note, explanation, created_at)
                SELECT tenant_id, :id, member_id, 'earn', 7, :lot, :note, CAST(:explanation AS jsonb),
                       created_at + interval '1 minute'
                FROM ledger_entry WHERE tenant_id = :t AND type = 'earn'""")
                .param("t", UUID.fromString(tenant.id())).param("id", UUID.randomUUID()).param("lot", lot)
                .param("note", note).param("explanation", explanation).update();
        jdbc.sql("""
                UPDATE points_account SET balance = balance + 7, lifetime_earned = lifetime_earned + 7
                WHERE tenant_id = :t AND member_id = :m""")
                .param("t", UUID.fromString(tenant.id())).param("m", UUID.fromString(member)).update();
    }

    private String earnNote(String query) {
        Api.Response r = api.get(key, "/api/v1/members/" + member + "/history" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode item : r.json().path("items")) {
            if (item.path("type").asString().equals("earn")) {
                return item.path("note").asString();
            }
        }
        throw new AssertionError("no earn entry in " + r);
    }

    private String storedNote() {
        return jdbc.sql("SELECT note FROM ledger_entry WHERE tenant_id = :t AND type = 'earn'")
                .param("t", UUID.fromString(tenant.id())).query(String.class).single();
    }
}
