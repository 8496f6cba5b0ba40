package io.kopilka.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The staff's note on a member: written through the API or at the till, read at the till, audited, never
 * another business's, refused when too long or for an erased member, and gone with an erasure.
 */
class StaffNoteIT extends IntegrationTest {

    private String path(String memberId) {
        return "/api/v1/members/" + memberId + "/note";
    }

    private long notes(TestTenant t) {
        return jdbc.sql("SELECT count(*) FROM member_staff_note WHERE tenant_id = :t")
                .param("t", UUID.fromString(t.id())).query(Long.class).single();
    }

    private List<String> audited(TestTenant t) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE tenant_id = :t AND action = 'member.note_written'")
                .param("t", UUID.fromString(t.id())).query(String.class).list();
    }

    @Test
    void aTillsKeyWritesTheNoteReadsItBackAndAnEmptyTextDeletesIt() {
        TestTenant t = newTenant();
        String id = newMember(t, Map.of("phone", randomPhone())).text("id");
        String till = newKey(t, "pos");

        Api.Response none = api.get(till, path(id));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().path("memberId").asString()).isEqualTo(id);
        assertThat(none.json().path("text").isNull()).isTrue();

        Api.Response written = api.put(till, path(id), Map.of("text", "  Стрижётся только у Айдоса  "));
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(written.json().path("text").asString()).isEqualTo("Стрижётся только у Айдоса");
        assertThat(written.json().path("writtenBy").asString()).isEqualTo("key pos");
        assertThat(written.json().path("writtenAt").asString()).endsWith("+05:00");
        assertThat(api.get(t.adminKey(), path(id)).json().path("text").asString()).isEqualTo("Стрижётся только у Айдоса");

        Api.Response deleted = api.put(t.adminKey(), path(id), Map.of("text", ""));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("text").isNull()).isTrue();
        assertThat(notes(t)).isZero();
        assertThat(audited(t)).hasSize(2);
        // Deleting what is not there changes nothing and audits nothing.
        assertThat(api.put(t.adminKey(), path(id), Map.of("text", " ")).status()).isEqualTo(200);
        assertThat(audited(t)).hasSize(2);
    }

    @Test
    void badInputAnotherBusinesssMemberAndAnErasedMemberWriteNothing() {
        TestTenant t = newTenant();
        TestTenant other = newTenant();
        String id = newMember(t, Map.of("phone", randomPhone())).text("id");
        String theirs = newMember(other, Map.of("phone", randomPhone())).text("id");

        assertThat(api.put(t.adminKey(), path(id), Map.of("text", "я".repeat(501))).status()).isEqualTo(422);
        assertThat(api.put(t.adminKey(), path(id), Map.of("text", "я".repeat(500))).status()).isEqualTo(200);
        Map<String, Object> nullText = new HashMap<>();
        nullText.put("text", null);
        assertThat(api.put(t.adminKey(), path(id), nullText).status()).isEqualTo(422);
        assertThat(api.put(t.adminKey(), path(id), Map.of()).status()).isEqualTo(422);
        assertThat(api.put(t.adminKey(), path(id), Map.of("text", 5)).status()).isIn(400, 422);

        Api.Response foreign = api.put(t.adminKey(), path(theirs), Map.of("text", "чужая"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.get(t.adminKey(), path(theirs)).status()).isEqualTo(404);
        assertThat(notes(other)).isZero();

        assertThat(api.delete(t.adminKey(), "/api/v1/members/" + id).status()).isIn(200, 204);
        assertThat(notes(t)).as("the erasure deleted the note").isZero();
        Api.Response erased = api.put(t.adminKey(), path(id), Map.of("text", "после удаления"));
        assertThat(erased.status()).isEqualTo(409);
        assertThat(erased.json().path("code").asString()).isEqualTo("member_erased");
        assertThat(notes(t)).isZero();
    }

    @Test
    void theCashierWritesTheNoteAtTheTillAndSeesItAtAGlance() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                .isEqualTo(201);
        String id = newMember(t, Map.of("phone", randomPhone(), "name", "Айгерим")).text("id");
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));

        Screens.Page before = cashier.get("/till/members/" + id);
        assertThat(before.html().select(".till-note-text")).isEmpty();
        assertThat(before.html().select("form[action$=/note] textarea[name=text][maxlength=500]")).hasSize(1);

        Screens.Page saved = cashier.post("/till/members/" + id + "/note", Map.of("text", "Аллергия на мятный шампунь"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/till/members/" + id + "?done=note");
        Screens.Page after = cashier.follow(saved);
        assertThat(after.html().select(".till-note-text").text()).isEqualTo("Аллергия на мятный шампунь");
        assertThat(after.html().select("p.till-ok[role=status]").text()).isEqualTo("Заметка сохранена.");
        assertThat(api.get(t.adminKey(), path(id)).json().path("writtenBy").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT actor_type FROM audit_entry WHERE tenant_id = :t AND action = 'member.note_written'")
                .param("t", UUID.fromString(t.id())).query(String.class).single()).isEqualTo("staff");

        Screens.Page tooLong = cashier.post("/till/members/" + id + "/note", Map.of("text", "x".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.html().select(".till-note [role=alert]").text()).isNotBlank();
        assertThat(api.get(t.adminKey(), path(id)).json().path("text").asString()).isEqualTo("Аллергия на мятный шампунь");

        // Another business's member is not found from this till.
        TestTenant other = newTenant();
        String theirs = newMember(other, Map.of("phone", randomPhone())).text("id");
        assertThat(cashier.post("/till/members/" + theirs + "/note", Map.of("text", "чужая")).status()).isEqualTo(404);
        assertThat(notes(other)).isZero();
    }
}
