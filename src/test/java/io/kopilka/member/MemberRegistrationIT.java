package io.kopilka.member;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static io.kopilka.testing.ProblemAssert.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/v1/members: what a new member looks like, what is refused, and replays. */
class MemberRegistrationIT extends IntegrationTest {

    @Test
    void registersAMemberWithEverything() {
        TestTenant t = newTenant();
        Api.Response r = api.post(t.adminKey(), "/api/v1/members", json(
                "phone", "8 701 123 45 67", "email", " Aigerim@Mail.KZ ", "name", " Aigerim ",
                "birthDate", "1990-04-02", "locale", "kk",
                "consents", json("sms", true, "email", false),
                "attributes", json("kids", 2, "favouriteService", "beard")));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(UUID.fromString(r.text("id"))).isNotNull();
        assertThat(r.text("phone")).isEqualTo("+77011234567");
        assertThat(r.text("email")).isEqualTo("aigerim@mail.kz");
        assertThat(r.text("name")).isEqualTo("Aigerim");
        assertThat(r.text("birthDate")).isEqualTo("1990-04-02");
        assertThat(r.text("locale")).isEqualTo("kk");
        assertThat(r.text("cardNumber")).hasSize(12);
        assertThat(CardNumbers.isValid(r.text("cardNumber"))).isTrue();
        assertThat(r.text("referralCode")).matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}");
        assertThat(r.json().path("referredBy").isNull()).isTrue();
        assertThat(r.json().has("tier")).isTrue();
        assertThat(r.json().path("tier").isNull()).isTrue();
        assertThat(r.json().path("consents").path("sms").asBoolean()).isTrue();
        assertThat(r.json().path("consents").path("email").asBoolean()).isFalse();
        assertThat(r.json().path("attributes").path("kids").asInt()).isEqualTo(2);
        assertThat(r.json().path("attributes").path("favouriteService").asString()).isEqualTo("beard");
        OffsetDateTime createdAt = OffsetDateTime.parse(r.text("createdAt"));
        assertThat(createdAt.toInstant()).isEqualTo(START);
        assertThat(createdAt.getOffset()).isEqualTo(ZoneOffset.ofHours(5));
        assertThat(r.json().path("erased").asBoolean()).isFalse();

        Api.Response read = api.get(t.adminKey(), "/api/v1/members/" + r.text("id"));
        assertThat(read.json()).isEqualTo(r.json());
    }

    @Test
    void minimalMemberGetsTheTenantsLanguage() {
        TestTenant t = newTenant("KZT", "Asia/Almaty", "ru");
        Api.Response r = newMember(t, Map.of("phone", randomPhone()));
        assertThat(r.text("locale")).isEqualTo("ru");
        assertThat(r.json().path("email").isNull()).isTrue();
        assertThat(r.json().path("name").isNull()).isTrue();
        assertThat(r.json().path("consents").isEmpty()).isTrue();
        assertThat(r.json().path("attributes").isEmpty()).isTrue();
    }

    @Test
    void anEmailAloneIsEnough() {
        TestTenant t = newTenant();
        Api.Response r = newMember(t, Map.of("email", "no-phone@example.kz"));
        assertThat(r.json().path("phone").isNull()).isTrue();
        assertThat(r.text("email")).isEqualTo("no-phone@example.kz");
        assertThat(CardNumbers.isValid(r.text("cardNumber"))).isTrue();
    }

    @Test
    void everyMemberGetsADifferentCardAndReferralCode() {
        TestTenant t = newTenant();
        Api.Response a = newMember(t, Map.of("phone", randomPhone()));
        Api.Response b = newMember(t, Map.of("phone", randomPhone()));
        assertThat(a.text("id")).isNotEqualTo(b.text("id"));
        assertThat(a.text("cardNumber")).isNotEqualTo(b.text("cardNumber"));
        assertThat(a.text("referralCode")).isNotEqualTo(b.text("referralCode"));
    }

    @Test
    void invalidPhoneIsRefused() {
        TestTenant t = newTenant();
        for (String phone : new String[] {"hello", "12345", "8 701 123 45", "+7 701 123 45 67 8", "8 701 123 45 67 89", "+7"}) {
            assertInvalid(api.post(t.adminKey(), "/api/v1/members", Map.of("phone", phone)), "phone");
        }
        assertThat(memberRows(t)).isZero();
    }

    /**
     * Regression (PhoneNumbers.normalize, used by JdbcMembers.join, fixed): seven digits are taken for a
     * phone, so "8 701 123" registers a member with phone "+78701123", which nobody can dial.
     */
    @Test
    void sevenDigitsAreNotAPhone() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/members", Map.of("phone", "8 701 123")), "phone");
        assertInvalid(api.post(t.adminKey(), "/api/v1/members", Map.of("phone", "123 45 67")), "phone");
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void aPhoneOrAnEmailIsRequired() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/members", Map.of("name", "Nobody")), "phone");
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        TestTenant t = newTenant();
        Api.Response r = assertInvalid(api.post(t.adminKey(), "/api/v1/members", json(
                "phone", "not a phone", "email", "not-an-email", "name", "n".repeat(201),
                "birthDate", "1990-02-30", "locale", "de", "consents", json("sms", "yes"))),
                "phone", "email", "name", "birthDate", "locale", "consents.sms");
        assertThat(errorFields(r)).hasSize(6);
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void birthDateMayNotBeInTheFutureOrAncient() {
        TestTenant t = newTenant();
        // The tenant's today is 2026-11-22 (START in Almaty).
        assertInvalid(api.post(t.adminKey(), "/api/v1/members",
                Map.of("phone", randomPhone(), "birthDate", "2026-11-23")), "birthDate");
        assertInvalid(api.post(t.adminKey(), "/api/v1/members",
                Map.of("phone", randomPhone(), "birthDate", "1899-12-31")), "birthDate");
        assertThat(newMember(t, Map.of("phone", randomPhone(), "birthDate", "2026-11-22")).text("birthDate"))
                .isEqualTo("2026-11-22");
    }

    @Test
    void attributesMustBeAnObjectOfBoundedSize() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/members",
                json("phone", randomPhone(), "attributes", json("blob", "x".repeat(17_000)))), "attributes");
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void duplicatePhoneIsAConflictNamingTheMember() {
        TestTenant t = newTenant();
        String first = newMember(t, Map.of("phone", "+77015550022")).text("id");

        Api.Response again = assertProblem(
                api.post(t.adminKey(), "/api/v1/members", Map.of("phone", "8 (701) 555-00-22", "name", "Twin")),
                409, "member_exists");

        assertThat(again.text("memberId")).isEqualTo(first);
        assertThat(memberRows(t)).isEqualTo(1);
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + first).json().path("name").isNull()).isTrue();
    }

    @Test
    void referralCodeOfAnotherMemberSetsReferredBy() {
        TestTenant t = newTenant();
        Api.Response referrer = newMember(t, Map.of("phone", randomPhone()));
        Api.Response friend = newMember(t, Map.of("phone", randomPhone(), "referralCode", referrer.text("referralCode")));
        assertThat(friend.text("referredBy")).isEqualTo(referrer.text("id"));
        assertThat(friend.text("referralCode")).isNotEqualTo(referrer.text("referralCode"));

        // Typed by hand: lower case and stray spaces are fine.
        String typed = " " + referrer.text("referralCode").toLowerCase() + " ";
        assertThat(newMember(t, Map.of("phone", randomPhone(), "referralCode", typed)).text("referredBy"))
                .isEqualTo(referrer.text("id"));
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + friend.text("id")).text("referredBy"))
                .isEqualTo(referrer.text("id"));
    }

    @Test
    void unknownReferralCodeIsRefused() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/members",
                Map.of("phone", randomPhone(), "referralCode", "ZZZZ2222")), "referralCode");
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void referralCodeOfAnotherTenantIsUnknown() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        String code = newMember(a, Map.of("phone", randomPhone())).text("referralCode");
        assertInvalid(api.post(b.adminKey(), "/api/v1/members", Map.of("phone", randomPhone(), "referralCode", code)),
                "referralCode");
    }

    @Test
    void erasedMembersReferralCodeNoLongerRefers() {
        TestTenant t = newTenant();
        Api.Response referrer = newMember(t, Map.of("phone", randomPhone()));
        assertThat(api.delete(t.adminKey(), "/api/v1/members/" + referrer.text("id")).status()).isEqualTo(204);
        assertInvalid(api.post(t.adminKey(), "/api/v1/members",
                Map.of("phone", randomPhone(), "referralCode", referrer.text("referralCode"))), "referralCode");
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysTheFirstMember() {
        TestTenant t = newTenant();
        Map<String, Object> body = json("phone", randomPhone(), "name", "Aigerim", "attributes", json("kids", 2));
        Api.Response first = api.post(t.adminKey(), "/api/v1/members", body, "join-1");
        clock.advance(Duration.ofMinutes(3));
        Api.Response replay = api.post(t.adminKey(), "/api/v1/members", body, "join-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.text("id")).isEqualTo(first.text("id"));
        assertThat(replay.text("cardNumber")).isEqualTo(first.text("cardNumber"));
        assertThat(replay.text("referralCode")).isEqualTo(first.text("referralCode"));
        assertThat(OffsetDateTime.parse(replay.text("createdAt")).toInstant()).isEqualTo(START);
        assertThat(memberRows(t)).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsAConflict() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/members", Map.of("phone", randomPhone()), "join-1").status())
                .isEqualTo(201);
        assertProblem(api.post(t.adminKey(), "/api/v1/members", Map.of("phone", randomPhone()), "join-1"), 409,
                "idempotency_conflict");
        assertThat(memberRows(t)).isEqualTo(1);
    }

    @Test
    void idempotencyKeysBelongToOneTenant() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        Map<String, String> body = Map.of("phone", randomPhone());
        Api.Response inA = api.post(a.adminKey(), "/api/v1/members", body, "join-1");
        Api.Response inB = api.post(b.adminKey(), "/api/v1/members", body, "join-1");
        assertThat(inA.status()).isEqualTo(201);
        assertThat(inB.status()).isEqualTo(201);
        assertThat(inB.text("id")).isNotEqualTo(inA.text("id"));
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsIdempotencyKey() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/members", Map.of("phone", "oops"), "join-1"), "phone");
        Api.Response corrected = api.post(t.adminKey(), "/api/v1/members", Map.of("phone", randomPhone()), "join-1");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
    }

    @Test
    void overlongIdempotencyKeyIsRefused() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/members", Map.of("phone", randomPhone()), "k".repeat(201)),
                "Idempotency-Key");
        assertThat(memberRows(t)).isZero();
    }

    /**
     * Regression (shared/idempotency/Idempotency.replay, fixed): a replayed member has its createdAt and
     * updatedAt rewritten to UTC ("...T09:00:00Z" instead of the first answer's "...T14:00:00+05:00"),
     * because the stored answer is deserialised with time-zone adjustment.
     */
    @Test
    void replayedMemberIsTheFirstAnswerExactly() {
        TestTenant t = newTenant();
        Map<String, String> body = Map.of("phone", randomPhone());
        Api.Response first = api.post(t.adminKey(), "/api/v1/members", body, "join-1");
        Api.Response replay = api.post(t.adminKey(), "/api/v1/members", body, "join-1");
        assertThat(replay.json()).isEqualTo(first.json());
    }

    /**
     * Regression (JdbcMembers.join, and likewise JdbcStores.create, JdbcTenants.create,
     * JdbcApiKeys.issue, fixed): the answer to a create carries clock.instant() as is, with nanoseconds,
     * while PostgreSQL keeps microseconds. With the production clock (Clock.systemUTC, nanosecond
     * resolution on Linux) the 201 says "createdAt": "...T17:25:59.990570235+05:00" and every later
     * GET says "...T17:25:59.99057+05:00": the same member answers with two different creation times.
     * Truncating "now" to microseconds (or answering with what was stored) fixes it.
     */
    @Test
    void createdAtInTheAnswerIsWhatIsStored() {
        TestTenant t = newTenant();
        clock.set(START.plusNanos(123_456_789));
        Api.Response created = newMember(t, Map.of("phone", randomPhone()));
        Api.Response read = api.get(t.adminKey(), "/api/v1/members/" + created.text("id"));
        assertThat(created.text("createdAt")).isEqualTo(read.text("createdAt"));
        assertThat(created.json()).isEqualTo(read.json());
    }
}
