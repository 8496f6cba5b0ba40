package io.kopilka.member;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PATCH, card reissue and erasure of a member. */
class MemberChangesIT extends IntegrationTest {

    private String path(String id) {
        return "/api/v1/members/" + id;
    }

    @Test
    void patchChangesOnlyWhatWasSent() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, json("phone", randomPhone(), "name", "Aigerim", "email", "a@b.kz",
                "birthDate", "1990-04-02"));
        clock.advance(Duration.ofHours(1));

        Api.Response r = api.patch(t.adminKey(), path(m.text("id")), json("name", "Aigerim S.", "locale", "en"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("name")).isEqualTo("Aigerim S.");
        assertThat(r.text("locale")).isEqualTo("en");
        assertThat(r.text("email")).isEqualTo("a@b.kz");
        assertThat(r.text("birthDate")).isEqualTo("1990-04-02");
        assertThat(r.text("phone")).isEqualTo(m.text("phone"));
        assertThat(r.text("cardNumber")).isEqualTo(m.text("cardNumber"));
        assertThat(OffsetDateTime.parse(r.text("createdAt")).toInstant()).isEqualTo(START);
        assertThat(OffsetDateTime.parse(r.text("updatedAt")).toInstant()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(api.get(t.adminKey(), path(m.text("id"))).json()).isEqualTo(r.json());
    }

    @Test
    void patchWithNullClearsAField() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, json("phone", randomPhone(), "name", "Aigerim", "email", "a@b.kz",
                "birthDate", "1990-04-02"));
        Api.Response r = api.patch(t.adminKey(), path(m.text("id")), json("email", null, "birthDate", null));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("email").isNull()).isTrue();
        assertThat(r.json().path("birthDate").isNull()).isTrue();
        assertThat(r.text("name")).isEqualTo("Aigerim");
    }

    @Test
    void patchMergesAttributesKeyByKeyAndNullRemovesAKey() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, json("phone", randomPhone(),
                "attributes", json("kids", 2, "favouriteService", "beard", "barber", "Arman")));

        Api.Response r = api.patch(t.adminKey(), path(m.text("id")),
                json("attributes", json("kids", 3, "favouriteService", null, "prefersMorning", true)));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode attributes = r.json().path("attributes");
        assertThat(attributes.path("kids").asInt()).isEqualTo(3);
        assertThat(attributes.has("favouriteService")).isFalse();
        assertThat(attributes.path("barber").asString()).isEqualTo("Arman");
        assertThat(attributes.path("prefersMorning").asBoolean()).isTrue();
        assertThat(attributes.size()).isEqualTo(3);
        assertThat(api.get(t.adminKey(), path(m.text("id"))).json().path("attributes")).isEqualTo(attributes);
    }

    /**
     * Regression (member/internal/MemberValidation.attributes, fixed): Members.MemberChanges promises an
     * RFC 7396 merge, which is recursive: {"pets": {"cat": null}} removes pets.cat and keeps pets.dog.
     * The code merges only the top level, so the nested object is replaced by {"cat": null}.
     */
    @Test
    void nestedAttributesMergeAsRfc7396Says() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, json("phone", randomPhone(), "attributes", json("pets", json("cat", 1, "dog", 2))));
        Api.Response r = api.patch(t.adminKey(), path(m.text("id")), json("attributes", json("pets", json("cat", null))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("attributes").path("pets").has("cat")).isFalse();
        assertThat(r.json().path("attributes").path("pets").path("dog").asInt()).isEqualTo(2);
    }

    @Test
    void patchMergesConsents() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, json("phone", randomPhone(), "consents", json("sms", true, "email", false)));

        Api.Response r = api.patch(t.adminKey(), path(m.text("id")), json("consents", json("email", true, "push", false)));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode consents = r.json().path("consents");
        assertThat(consents.path("sms").asBoolean()).isTrue();
        assertThat(consents.path("email").asBoolean()).isTrue();
        assertThat(consents.path("push").isBoolean()).isTrue();
        assertThat(consents.path("push").asBoolean()).isFalse();
        assertInvalid(api.patch(t.adminKey(), path(m.text("id")), json("consents", json("sms", "maybe"))),
                "consents.sms");
        assertInvalid(api.patch(t.adminKey(), path(m.text("id")), json("consents", "all")), "consents");
        assertThat(api.get(t.adminKey(), path(m.text("id"))).json().path("consents")).isEqualTo(consents);
    }

    @Test
    void patchChangesThePhone() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, Map.of("phone", "+77011110000"));
        Api.Response r = api.patch(t.adminKey(), path(m.text("id")), Map.of("phone", "8 701 222 00 00"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("phone")).isEqualTo("+77012220000");
        assertThat(api.get(t.adminKey(), "/api/v1/members?phone=" + enc("+77012220000")).text("id"))
                .isEqualTo(m.text("id"));
        assertProblem(api.get(t.adminKey(), "/api/v1/members?phone=" + enc("+77011110000")), 404, "not_found");
    }

    @Test
    void patchToAnotherMembersPhoneIsAConflict() {
        TestTenant t = newTenant();
        String taken = newMember(t, Map.of("phone", "+77013330000")).text("id");
        Api.Response m = newMember(t, Map.of("phone", "+77014440000"));

        Api.Response r = assertProblem(api.patch(t.adminKey(), path(m.text("id")), Map.of("phone", "87013330000")),
                409, "member_exists");

        assertThat(r.text("memberId")).isEqualTo(taken);
        assertThat(api.get(t.adminKey(), path(m.text("id"))).text("phone")).isEqualTo("+77014440000");
    }

    @Test
    void patchRefusesInvalidValuesAndUnknownFields() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, json("phone", randomPhone(), "name", "Aigerim"));
        String id = m.text("id");
        assertInvalid(api.patch(t.adminKey(), path(id), Map.of("phone", "hello")), "phone");
        assertInvalid(api.patch(t.adminKey(), path(id), Map.of("phone", 77011234567L)), "phone");
        assertInvalid(api.patch(t.adminKey(), path(id), Map.of("email", "nope")), "email");
        assertInvalid(api.patch(t.adminKey(), path(id), Map.of("birthDate", "02.04.1990")), "birthDate");
        assertInvalid(api.patch(t.adminKey(), path(id), Map.of("cardNumber", "123456789015")), "cardNumber");
        assertInvalid(api.patch(t.adminKey(), path(id), Map.of("referredBy", UUID.randomUUID().toString())),
                "referredBy");
        assertInvalid(api.patch(t.adminKey(), path(id), json("phone", null)), "phone"); // neither phone nor e-mail
        assertInvalid(api.patch(t.adminKey(), path(id), Map.of("attributes", "kids=2")), "attributes");
        assertInvalid(api.patch(t.adminKey(), path(id), Map.of("name", "Changed", "id", "x")), "id");

        Api.Response now = api.get(t.adminKey(), path(id));
        assertThat(now.json()).isEqualTo(m.json());
    }

    @Test
    void patchOfAnUnknownMemberIsNotFound() {
        TestTenant t = newTenant();
        assertProblem(api.patch(t.adminKey(), path(UUID.randomUUID().toString()), Map.of("name", "X")), 404,
                "not_found");
    }

    @Test
    void reissueRetiresTheOldCard() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, Map.of("phone", randomPhone()));
        String oldCard = m.text("cardNumber");
        clock.advance(Duration.ofDays(1));

        Api.Response r = api.post(t.adminKey(), path(m.text("id")) + "/card/reissue", null);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String newCard = r.text("cardNumber");
        assertThat(newCard).isNotEqualTo(oldCard);
        assertThat(CardNumbers.isValid(newCard)).isTrue();
        assertThat(r.text("id")).isEqualTo(m.text("id"));
        assertThat(OffsetDateTime.parse(r.text("updatedAt")).toInstant()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertProblem(api.get(t.adminKey(), "/api/v1/members?card=" + oldCard), 404, "not_found");
        assertThat(api.get(t.adminKey(), "/api/v1/members?card=" + newCard).text("id")).isEqualTo(m.text("id"));
        assertThat(api.get(t.adminKey(), path(m.text("id"))).text("cardNumber")).isEqualTo(newCard);

        Api.Response again = api.post(t.adminKey(), path(m.text("id")) + "/card/reissue", null);
        assertThat(again.text("cardNumber")).isNotIn(oldCard, newCard);
        assertProblem(api.get(t.adminKey(), "/api/v1/members?card=" + newCard), 404, "not_found");
        assertProblem(api.get(t.adminKey(), "/api/v1/members?card=" + oldCard), 404, "not_found");
    }

    @Test
    void reissueOfAnUnknownMemberIsNotFound() {
        TestTenant t = newTenant();
        assertProblem(api.post(t.adminKey(), path(UUID.randomUUID().toString()) + "/card/reissue", null), 404,
                "not_found");
    }

    @Test
    void eraseRemovesPersonalDataAndKeepsTheId() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, json("phone", "+77015556677", "email", "a@b.kz", "name", "Aigerim",
                "birthDate", "1990-04-02", "consents", json("sms", true), "attributes", json("kids", 2)));
        String id = m.text("id");
        clock.advance(Duration.ofDays(3));

        Api.Response erased = api.delete(t.adminKey(), path(id));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(erased.body()).isEmpty();

        Api.Response r = api.get(t.adminKey(), path(id));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("id")).isEqualTo(id);
        assertThat(r.json().path("erased").asBoolean()).isTrue();
        for (String field : new String[] {"phone", "email", "name", "birthDate", "cardNumber"}) {
            assertThat(r.json().path(field).isNull()).as(field).isTrue();
        }
        assertThat(r.json().path("consents").isEmpty()).isTrue();
        assertThat(r.json().path("attributes").isEmpty()).isTrue();
        assertThat(r.text("referralCode")).isEqualTo(m.text("referralCode"));
        assertThat(OffsetDateTime.parse(r.text("createdAt")).toInstant()).isEqualTo(START);
        assertThat(OffsetDateTime.parse(r.text("updatedAt")).toInstant()).isEqualTo(START.plus(Duration.ofDays(3)));
        assertThat(r.body()).doesNotContain("Aigerim", "a@b.kz", "77015556677", m.text("cardNumber"));

        // Nor is it in the database any more.
        String row = jdbc.sql("SELECT row_to_json(m)::text FROM member m WHERE id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single();
        assertThat(row).doesNotContain("Aigerim", "a@b.kz", "77015556677", "1990-04-02", "kids");
    }

    @Test
    void anErasedMemberCannotBeFoundByPhoneOrCardNorChanged() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, Map.of("phone", "+77015556678"));
        String id = m.text("id");
        assertThat(api.delete(t.adminKey(), path(id)).status()).isEqualTo(204);

        assertProblem(api.get(t.adminKey(), "/api/v1/members?phone=" + enc("+77015556678")), 404, "not_found");
        assertProblem(api.get(t.adminKey(), "/api/v1/members?card=" + m.text("cardNumber")), 404, "not_found");
        assertProblem(api.patch(t.adminKey(), path(id), Map.of("name", "Back")), 409, "member_erased");
        assertProblem(api.patch(t.adminKey(), path(id), Map.of("phone", "+77015556678")), 409, "member_erased");
        assertProblem(api.post(t.adminKey(), path(id) + "/card/reissue", null), 409, "member_erased");
        assertThat(api.get(t.adminKey(), path(id)).json().path("phone").isNull()).isTrue();

        // Erasing twice is fine; the freed phone may join again as a new member.
        assertThat(api.delete(t.adminKey(), path(id)).status()).isEqualTo(204);
        Api.Response rejoined = newMember(t, Map.of("phone", "8 701 555 66 78"));
        assertThat(rejoined.text("id")).isNotEqualTo(id);
        assertThat(rejoined.text("cardNumber")).isNotEqualTo(m.text("cardNumber"));
    }

    @Test
    void eraseOfAnUnknownMemberIsNotFound() {
        TestTenant t = newTenant();
        assertProblem(api.delete(t.adminKey(), path(UUID.randomUUID().toString())), 404, "not_found");
        assertProblem(api.delete(t.adminKey(), path("nobody")), 404, "not_found");
    }

    /**
     * Regression (JdbcMembers.erase with shared/idempotency/Idempotency, fixed): a member created with an
     * Idempotency-Key leaves the whole 201 answer (phone, e-mail, name, birth date, attributes) in
     * idempotency_key.response. Erasure does not touch it, so the personal data stays in the database,
     * and replaying the original request returns it. Erasure should also scrub (or drop) those rows.
     */
    @Test
    void eraseAlsoRemovesPersonalDataKeptForReplays() {
        TestTenant t = newTenant();
        Map<String, Object> body = json("phone", "+77015559911", "name", "Aigerim Erased", "email", "gone@b.kz");
        Api.Response m = api.post(t.adminKey(), "/api/v1/members", body, "join-erase");
        assertThat(m.status()).isEqualTo(201);
        assertThat(api.delete(t.adminKey(), path(m.text("id"))).status()).isEqualTo(204);

        long rowsWithPersonalData = jdbc.sql("""
                SELECT count(*) FROM idempotency_key WHERE tenant_id = :tenant
                AND (response::text LIKE '%Aigerim Erased%' OR response::text LIKE '%77015559911%'
                     OR response::text LIKE '%gone@b.kz%')""")
                .param("tenant", UUID.fromString(t.id())).query(Long.class).single();
        assertThat(rowsWithPersonalData).isZero();
        Api.Response replay = api.post(t.adminKey(), "/api/v1/members", body, "join-erase");
        assertThat(replay.body()).doesNotContain("Aigerim Erased", "gone@b.kz", "77015559911");
        assertThat(replay.text("id")).isEqualTo(m.text("id"));
        assertThat(replay.json().path("erased").asBoolean()).isTrue();
    }

    /**
     * Regression (MemberController.reissue, fixed): docs/api.md says every request that writes accepts an
     * Idempotency-Key and a replay returns the first answer. Card reissue ignores the header, so a
     * till that retries after a timeout retires the card it has just printed and gets a third one.
     */
    @Test
    void reissueWithTheSameIdempotencyKeyIsReplayed() {
        TestTenant t = newTenant();
        String id = newMember(t);
        Map<String, String> key = Map.of("Idempotency-Key", "reissue-1");
        Api.Response first = api.send("POST", t.adminKey(), path(id) + "/card/reissue", null, key);
        Api.Response retry = api.send("POST", t.adminKey(), path(id) + "/card/reissue", null, key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("cardNumber")).isEqualTo(first.text("cardNumber"));
        assertThat(api.get(t.adminKey(), "/api/v1/members?card=" + first.text("cardNumber")).text("id")).isEqualTo(id);
    }
}
