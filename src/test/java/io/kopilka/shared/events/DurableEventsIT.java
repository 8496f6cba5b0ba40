package io.kopilka.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kopilka.member.MemberJoined;
import io.kopilka.shared.MemberId;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener that runs later ({@link ApplicationModuleListener}) and fails leaves its publication
 * owed in event_publication, and the resubmission job delivers it once it is old enough, until the
 * listener succeeds; a delivery an instance never finished (the state a crash leaves) is delivered
 * too. Real database, a test listener that fails its first deliveries; the job is run by hand.
 */
@Import(DurableEventsIT.FlakyListener.class)
class DurableEventsIT extends IntegrationTest {
    private static final Duration OLDER_THAN = Duration.ofMinutes(5);

    @Autowired
    EventResubmission resubmission;
    @Autowired
    FlakyListener listener;

    /** Fails the first {@code failures} deliveries of each member's MemberJoined. */
    static class FlakyListener {
        private final Map<MemberId, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private volatile int failures;

        // A method, not a field write: the bean is a proxy (the listener is async and transactional).
        public void failFirst(int failures) {
            this.failures = failures;
        }

        @ApplicationModuleListener
        public void on(MemberJoined joined) {
            if (attempts.computeIfAbsent(joined.member(), m -> new AtomicInteger()).incrementAndGet() <= failures) {
                throw new IllegalStateException("not yet");
            }
        }

        public int attempts(MemberId member) {
            return attempts.getOrDefault(member, new AtomicInteger()).get();
        }
    }

    /** A row of event_publication: its status and how many deliveries were started (the first counts). */
    record Publication(String status, int attempts) {
    }

    /** This member's MemberJoined publications for the test listener. */
    private List<Publication> publications(MemberId member) {
        return jdbc.sql("""
                SELECT status, completion_attempts FROM event_publication
                WHERE listener_id LIKE '%FlakyListener%' AND serialized_event LIKE :member""")
                .param("member", "%" + member + "%")
                .query((rs, i) -> new Publication(rs.getString(1), rs.getInt(2))).list();
    }

    private MemberId join(int failures) {
        listener.failFirst(failures);
        return new MemberId(UUID.fromString(newMember(newTenant())));
    }

    @Test
    void aFailedDeliveryStaysOwedAndIsResubmittedOnceOldEnoughUntilTheListenerSucceeds() {
        MemberId member = join(2);
        await().untilAsserted(() -> assertThat(publications(member)).containsExactly(new Publication("FAILED", 1)));
        assertThat(listener.attempts(member)).isEqualTo(1);

        // Younger than the age: left alone.
        resubmission.resubmit();
        assertThat(publications(member)).containsExactly(new Publication("FAILED", 1));

        clock.advance(OLDER_THAN.plusSeconds(1));
        resubmission.resubmit();
        await().untilAsserted(() -> assertThat(publications(member)).containsExactly(new Publication("FAILED", 2)));
        assertThat(listener.attempts(member)).isEqualTo(2);

        resubmission.resubmit();
        // Delivered: completion mode "delete" removes the publication.
        await().untilAsserted(() -> assertThat(publications(member)).isEmpty());
        assertThat(listener.attempts(member)).isEqualTo(3);

        resubmission.resubmit();
        assertThat(listener.attempts(member)).isEqualTo(3);
    }

    @Test
    void aDeliveryNeverFinishedIsDeliveredOnceOldEnough() {
        MemberId member = join(1);
        await().untilAsserted(() -> assertThat(publications(member)).containsExactly(new Publication("FAILED", 1)));
        // What an instance that died after the commit, before its listener ran, leaves behind.
        jdbc.sql("UPDATE event_publication SET status = 'PUBLISHED' WHERE serialized_event LIKE :member")
                .param("member", "%" + member + "%").update();

        resubmission.resubmit();
        assertThat(publications(member)).containsExactly(new Publication("PUBLISHED", 1));

        clock.advance(OLDER_THAN.plusSeconds(1));
        resubmission.resubmit();
        await().untilAsserted(() -> assertThat(publications(member)).isEmpty());
        assertThat(listener.attempts(member)).isEqualTo(2);
    }
}
