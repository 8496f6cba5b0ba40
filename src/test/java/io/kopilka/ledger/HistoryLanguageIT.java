package io.kopilka.ledger;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A purchase's entry keeps why it earned as data, and history reads it in the reader's language:
 * by default the member's, or the one {@code lang} asks for. Entries written before keep their text.
 * An entry of any type without words of its own reads as what its type means, in each language.
 */
class HistoryLanguageIT extends IntegrationTest {
    private static final Pattern CYRILLIC = Pattern.compile("[\\p{IsCyrillic}]");
    @Autowired
    PointsExpiry expiry;

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

    @Test
    void everyTypeOfEntrySaysWhyInEachLanguage() {
        assertThat(api.put(key, "/api/v1/program", Map.of("welcomePoints", 50,
                "expiry", Map.of("mode", "after_earn", "months", 1))).status()).isEqualTo(200);
        String m = newMember(tenant, Map.of("phone", randomPhone(), "locale", "ru")).text("id");
        Api.Response bought = api.post(key, "/api/v1/purchases", Map.of("externalId", "h-2", "storeCode", "main",
                "member", Map.of("id", m), "redeemPoints", 40, "items", List.of(Map.of("sku", "HAIRCUT",
                        "quantity", 1, "unitPrice", "1000.00"))));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/purchases/" + bought.text("id") + "/returns",
                Map.of("externalId", "h-2-r", "amount", "480.00")).status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/members/" + m + "/adjustments",
                Map.of("points", 100, "reason", "compensation")).status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", m, "toMemberId", member,
                "points", 10)).status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", member, "toMemberId", m,
                "points", 5)).status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/members/" + m + "/gifts", Map.of("points", 20, "reason", "VIP"))
                .status()).isEqualTo(201);
        writtenBefore(m);
        clock.advance(Duration.ofDays(62));
        assertThat(expiry.expireDue(clock.instant())).isPositive();

        Map<EntryType, String> russian = new HashMap<>();
        for (String lang : List.of("ru", "kk", "en")) {
            Api.Response r = api.get(key, "/api/v1/members/" + m + "/history?limit=100&lang=" + lang);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            for (JsonNode item : r.json().path("items")) {
                EntryType type = EntryType.fromCode(item.path("type").asString());
                String note = item.path("note").asString(null);
                assertThat(note).as("%s in %s", type, lang).isNotBlank();
                boolean cyrillic = CYRILLIC.matcher(note).find();
                if (!lang.equals("en")) {
                    assertThat(cyrillic).as("%s in %s: %s", type, lang, note).isTrue();
                } else if (type != EntryType.EARN) { // an earning names the rule "Бонус" in every language
                    assertThat(cyrillic).as("%s in %s: %s", type, lang, note).isFalse();
                }
                if (lang.equals("ru")) {
                    russian.put(type, note);
                }
            }
        }
        assertThat(russian.keySet()).as("every type of entry is in this history")
                .containsExactlyInAnyOrder(EntryType.values());
        assertThat(russian).containsEntry(EntryType.REDEEM, "Оплата баллами покупки")
                .containsEntry(EntryType.REVERSE, "Возврат: баллы за возвращённый товар списаны")
                .containsEntry(EntryType.REFUND, "Возврат: баллы за оплату вернулись")
                .containsEntry(EntryType.EXPIRE, "Баллы сгорели: истёк срок")
                .containsEntry(EntryType.TRANSFER_OUT, "Перевод другому участнику")
                .containsEntry(EntryType.TRANSFER_IN, "Перевод от другого участника")
                .containsEntry(EntryType.WELCOME, "Приветственные баллы")
                .containsEntry(EntryType.GIFT, "Подарок от администратора: VIP");
        List<String> byDefault = new java.util.ArrayList<>();
        api.get(key, "/api/v1/members/" + m + "/history?limit=100").json().path("items")
                .forEach(item -> byDefault.add(item.path("note").asString()));
        assertThat(byDefault).as("the member's language by default").containsAll(russian.values());
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    /**
     * Entries of the types no endpoint here writes yet (birthday, referral, reward, donate), and a
     * welcome and an adjustment as earlier versions wrote them (an English note, no note), without
     * explanations: each credit is taken back by a debit of the same points, so the balance and lots
     * stay as they were.
     */
    private void writtenBefore(String m) {
        for (Object[] e : List.of(new Object[] {"birthday", 5L, null, null}, new Object[] {"reward", -5L, null, null},
                new Object[] {"referral", 7L, null, null}, new Object[] {"donate", -7L, null, null},
                new Object[] {"welcome", 3L, "Welcome bonus", null}, new Object[] {"adjust", -3L, null, "old"},
                new Object[] {"challenge", 4L, null, null}, new Object[] {"win_back", -4L, null, null})) {
            jdbc.sql("""
                    INSERT INTO ledger_entry (tenant_id, id, member_id, type, points, note, reason, created_at)
                    VALUES (:t, :id, :m, :type, :points, :note, :reason, :at)""")
                    .param("t", UUID.fromString(tenant.id())).param("id", UUID.randomUUID())
                    .param("m", UUID.fromString(m)).param("type", e[0]).param("points", e[1]).param("note", e[2])
                    .param("reason", e[3]).param("at", java.sql.Timestamp.from(clock.instant())).update();
        }
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
