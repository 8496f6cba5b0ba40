package io.kopilka.web.admin.business;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditDiffTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }

    @Test
    void onlyChangedFieldsAreListedByTheirPath() {
        var rows = AuditDiff.of(json("{\"name\":\"Стрижка\",\"expiry\":{\"days\":365},\"events\":[\"a\",\"b\"],\"same\":1}"),
                json("{\"name\":\"Стрижка\",\"expiry\":{\"days\":180},\"events\":[\"a\"],\"same\":1,\"new\":true}"));
        assertThat(rows).containsExactly(new AuditDiff.Row("expiry.days", "365", "180"),
                new AuditDiff.Row("events", "a, b", "a"), new AuditDiff.Row("new", null, "true"));
    }

    @Test
    void aCreatedObjectShowsEveryFieldAsAddedAndADeletedOneAsRemoved() {
        assertThat(AuditDiff.of(null, json("{\"url\":\"https://x\"}")))
                .containsExactly(new AuditDiff.Row("url", null, "https://x"));
        assertThat(AuditDiff.of(json("{\"url\":\"https://x\"}"), null).getFirst().removed()).isTrue();
    }

    @Test
    void listsOfObjectsAreComparedItemByItem() {
        var rows = AuditDiff.of(json("{\"tiers\":[{\"name\":\"Silver\"},{\"name\":\"Gold\"}]}"),
                json("{\"tiers\":[{\"name\":\"Silver\"},{\"name\":\"Золото\"}]}"));
        assertThat(rows).containsExactly(new AuditDiff.Row("tiers[1].name", "Gold", "Золото"));
    }
}
