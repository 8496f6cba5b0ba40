package io.kopilka.shared.web;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Stores, rules and API keys are listed page by page like every other list ({@code ?limit&cursor}
 * → {@code {items, nextCursor}}, 50 by default, at most 200), instead of every row at once.
 */
class ConfigurationListsPagingIT extends IntegrationTest {

    /** Each list, how to add an item to it, and which field of an item names it. */
    enum Listing {
        STORES("/api/v1/stores", "code"),
        RULES("/api/v1/rules", "id"),
        API_KEYS("/api/v1/api-keys", "id");

        final String path;
        final String name;

        Listing(String path, String name) {
            this.path = path;
            this.name = name;
        }

        /** Adds one item with the admin key; returns what names it in the list. */
        String add(Api api, String admin, int n) {
            Api.Response r = switch (this) {
                case STORES -> api.post(admin, path, Map.of("code", "store-" + n));
                case RULES -> api.post(admin, path, Map.of("name", "rule " + n, "kind", "points_percent",
                        "percent", "1"));
                case API_KEYS -> api.post(admin, path, Map.of("name", "till " + n, "role", "pos"));
            };
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            return r.text(name);
        }
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void threeItemsComeTwoThenOne(Listing listing) {
        TestTenant t = newTenant();
        List<String> all = fill(listing, t, 3);

        Api.Response first = api.get(t.adminKey(), listing.path + "?limit=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(names(listing, first)).containsExactlyElementsOf(all.subList(0, 2));
        String cursor = first.text("nextCursor");
        assertThat(cursor).isNotBlank();

        Api.Response second = api.get(t.adminKey(), listing.path + "?limit=2&cursor=" + cursor);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(names(listing, second)).containsExactlyElementsOf(all.subList(2, 3));
        assertThat(second.json().has("nextCursor")).isTrue();
        assertThat(second.json().path("nextCursor").isNull()).as(second.toString()).isTrue();

        Api.Response exact = api.get(t.adminKey(), listing.path + "?limit=3");
        assertThat(names(listing, exact)).containsExactlyElementsOf(all);
        assertThat(exact.json().path("nextCursor").isNull()).as("a page holding the rest has no next").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void withoutALimitAPageHoldsFifty(Listing listing) {
        TestTenant t = newTenant();
        List<String> all = fill(listing, t, 51);

        Api.Response first = api.get(t.adminKey(), listing.path);
        assertThat(names(listing, first)).containsExactlyElementsOf(all.subList(0, 50));
        Api.Response rest = api.get(t.adminKey(), listing.path + "?cursor=" + first.text("nextCursor"));
        assertThat(names(listing, rest)).containsExactlyElementsOf(all.subList(50, 51));
        assertThat(rest.json().path("nextCursor").isNull()).isTrue();
        assertThat(names(listing, api.get(t.adminKey(), listing.path + "?limit=200"))).hasSize(51);
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void badLimitsAndCursorsAreRefusedAsOnOtherLists(Listing listing) {
        TestTenant t = newTenant();
        fill(listing, t, 3);
        String member = newMember(t);
        String history = "/api/v1/members/" + member + "/history";
        String timeCursor = new TimeCursor(START, UUID.randomUUID()).text();

        assertInvalid(api.get(t.adminKey(), listing.path + "?limit=0"), "limit");
        assertInvalid(api.get(t.adminKey(), listing.path + "?limit=-1"), "limit");
        assertInvalid(api.get(t.adminKey(), listing.path + "?limit=201"), "limit");
        assertInvalid(api.get(t.adminKey(), history + "?limit=201"), "limit");
        assertProblem(api.get(t.adminKey(), listing.path + "?limit=ten"), 400, "invalid_parameter");
        assertInvalid(api.get(t.adminKey(), listing.path + "?cursor=page-2"), "cursor");
        assertInvalid(api.get(t.adminKey(), listing.path + "?cursor="), "cursor");
        assertInvalid(api.get(t.adminKey(), history + "?cursor=page-2"), "cursor");
        if (listing != Listing.API_KEYS) {
            assertInvalid(api.get(t.adminKey(), listing.path + "?cursor=" + timeCursor), "cursor");
        }
        String own = api.get(t.adminKey(), listing.path + "?limit=1").text("nextCursor");
        for (Listing other : Listing.values()) {
            if (other != listing) {
                assertInvalid(api.get(t.adminKey(), other.path + "?cursor=" + own), "cursor");
            }
        }
        assertThat(api.get(t.adminKey(), listing.path + "?limit=200").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void eachTenantPagesItsOwnItemsOnly(Listing listing) {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        List<String> mine = fill(listing, a, 3);
        List<String> theirs = fill(listing, b, 3, 500);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(a.adminKey(), listing.path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            seen.addAll(names(listing, page));
            cursor = page.json().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null && seen.size() < 20);
        assertThat(seen).containsExactlyElementsOf(mine).doesNotContainAnyElementsOf(theirs);

        // A's cursor is only a position: in B's hands it shows B's own items, never A's.
        String aCursor = api.get(a.adminKey(), listing.path + "?limit=1").text("nextCursor");
        Api.Response fromB = api.get(b.adminKey(), listing.path + "?limit=200&cursor=" + aCursor);
        assertThat(fromB.status()).as(fromB.toString()).isEqualTo(200);
        assertThat(theirs).containsAll(names(listing, fromB));
        assertThat(names(listing, fromB)).doesNotContainAnyElementsOf(mine);
    }

    private List<String> fill(Listing listing, TestTenant t, int total) {
        return fill(listing, t, total, 100);
    }

    /**
     * Adds items a minute apart until the list has {@code total}; returns all of them in list order.
     * Items are numbered from {@code first} (three digits): store codes sort as text, so the code
     * order is the creation order.
     */
    private List<String> fill(Listing listing, TestTenant t, int total, int first) {
        List<String> all = new ArrayList<>(names(listing, api.get(t.adminKey(), listing.path + "?limit=200")));
        for (int n = first; all.size() < total; n++) {
            clock.advance(Duration.ofMinutes(1));
            all.add(listing.add(api, t.adminKey(), n));
        }
        return all;
    }

    private static List<String> names(Listing listing, Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode item : page.json().path("items")) {
            names.add(item.path(listing.name).asString());
        }
        return names;
    }
}
