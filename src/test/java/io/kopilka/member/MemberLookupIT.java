package io.kopilka.member;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/members/{id}, ?phone=, ?card= and the paged list. */
class MemberLookupIT extends IntegrationTest {

    @Test
    void findsByIdPhoneInAnyFormatAndCard() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, Map.of("phone", "+77027771122", "name", "Daniyar"));
        String id = m.text("id");

        assertThat(api.get(t.adminKey(), "/api/v1/members/" + id).text("name")).isEqualTo("Daniyar");
        for (String typed : List.of("+77027771122", "8 702 777 11 22", "87027771122", "+7 (702) 777-11-22")) {
            Api.Response found = api.get(t.adminKey(), "/api/v1/members?phone=" + enc(typed));
            assertThat(found.status()).as(typed + " -> " + found).isEqualTo(200);
            assertThat(found.text("id")).isEqualTo(id);
        }
        String card = m.text("cardNumber");
        String spaced = card.substring(0, 4) + " " + card.substring(4, 8) + "-" + card.substring(8);
        for (String typed : List.of(card, spaced)) {
            Api.Response found = api.get(t.adminKey(), "/api/v1/members?card=" + enc(typed));
            assertThat(found.status()).as(typed + " -> " + found).isEqualTo(200);
            assertThat(found.text("id")).isEqualTo(id);
        }
    }

    @Test
    void unknownMembersAreNotFound() {
        TestTenant t = newTenant();
        newMember(t);
        assertProblem(api.get(t.adminKey(), "/api/v1/members/" + UUID.randomUUID()), 404, "not_found");
        assertProblem(api.get(t.adminKey(), "/api/v1/members/not-a-uuid"), 404, "not_found");
        assertProblem(api.get(t.adminKey(), "/api/v1/members?phone=" + enc("+77010000001")), 404, "not_found");
        assertProblem(api.get(t.adminKey(), "/api/v1/members?card=123456789018"), 404, "not_found");
    }

    @Test
    void textThatIsNoPhoneIsRefused() {
        TestTenant t = newTenant();
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?phone=hello"), "phone");
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?phone=12345"), "phone");
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?phone="), "phone");
    }

    @Test
    void cardWithAWrongCheckDigitIsRefused() {
        TestTenant t = newTenant();
        String card = newMember(t, Map.of("phone", randomPhone())).text("cardNumber");
        char last = card.charAt(11);
        String typo = card.substring(0, 11) + (char) ('0' + (last - '0' + 1) % 10);

        assertInvalid(api.get(t.adminKey(), "/api/v1/members?card=" + typo), "card");
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?card=123456789012"), "card");
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?card=12345"), "card");
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?card=abcdefghijkl"), "card");
    }

    @Test
    void phoneAndCardTogetherAreRefused() {
        TestTenant t = newTenant();
        Api.Response m = newMember(t, Map.of("phone", randomPhone()));
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?phone=" + enc(m.text("phone")) + "&card="
                + m.text("cardNumber")), "phone");
    }

    @Test
    void listsMembersPageByPage() {
        TestTenant t = newTenant();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(newMember(t));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        List<Integer> sizes = new ArrayList<>();
        do {
            Api.Response page = api.get(t.adminKey(),
                    "/api/v1/members?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode items = page.json().path("items");
            sizes.add(items.size());
            items.forEach(m -> seen.add(m.path("id").asString()));
            assertThat(page.json().has("nextCursor")).isTrue();
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString();
        } while (cursor != null && sizes.size() < 10);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(created); // ids are time-ordered: oldest first
    }

    @Test
    void aPageThatHoldsTheRestHasNoNextCursor() {
        TestTenant t = newTenant();
        for (int i = 0; i < 3; i++) {
            newMember(t);
        }
        Api.Response exact = api.get(t.adminKey(), "/api/v1/members?limit=3");
        assertThat(exact.json().path("items")).hasSize(3);
        assertThat(exact.json().path("nextCursor").isNull()).isTrue();

        Api.Response byDefault = api.get(t.adminKey(), "/api/v1/members");
        assertThat(byDefault.json().path("items")).hasSize(3);
        assertThat(byDefault.json().path("nextCursor").isNull()).isTrue();

        Api.Response first = api.get(t.adminKey(), "/api/v1/members?limit=1");
        assertThat(first.json().path("nextCursor").asString())
                .isEqualTo(first.json().path("items").get(0).path("id").asString());
    }

    @Test
    void theListShowsOnlyTheTenantsOwnMembers() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        String mine = newMember(a);
        newMember(b);
        newMember(b);
        JsonNode items = api.get(a.adminKey(), "/api/v1/members?limit=200").json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("id").asString()).isEqualTo(mine);
    }

    @Test
    void badPagingParametersAreRefused() {
        TestTenant t = newTenant();
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?limit=0"), "limit");
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?limit=201"), "limit");
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?limit=-5"), "limit");
        assertInvalid(api.get(t.adminKey(), "/api/v1/members?cursor=page-2"), "cursor");
        assertProblem(api.get(t.adminKey(), "/api/v1/members?limit=ten"), 400, "invalid_parameter");
        assertThat(api.get(t.adminKey(), "/api/v1/members?limit=200").status()).isEqualTo(200);
    }
}
