package io.kopilka.shared.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/**
 * Delivers again what a listener still owes: every publication in {@code event_publication} older
 * than {@code kopilka.jobs.event-resubmission-older-than} (default five minutes), whether its
 * listener failed or its instance died while delivering it. Run by {@link EventResubmissionSchedule},
 * on one instance at a time.
 *
 * <p>Spring Modulith resubmits only publications marked failed; one whose instance crashed before
 * or while delivering it stays "published", "processing" or "resubmitted" for ever. So a run first
 * marks those of them past the age as failed, then resubmits the failed ones, oldest first, at most
 * {@link #BATCH} in flight. Staleness is measured from the publication, so a first delivery still
 * running after the age, or a resubmitted one still running at the next run, is delivered again:
 * events are delivered at least once, and listeners are written to be repeated.
 */
@Component
class EventResubmission {
    static final int BATCH = 100;

    private final EventPublicationRegistry registry;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration olderThan;

    EventResubmission(EventPublicationRegistry registry, IncompleteEventPublications incomplete, Clock clock,
                      @Value("${kopilka.jobs.event-resubmission-older-than:PT5M}") Duration olderThan) {
        this.registry = registry;
        this.incomplete = incomplete;
        this.clock = clock;
        this.olderThan = olderThan;
    }

    void resubmit() {
        registry.markStalePublicationsFailed(status -> olderThan);
        Instant before = clock.instant().minus(olderThan);
        // The filter as well as the minimum age: Modulith 2.1.1 applies withMinAge only to
        // publications without a status, not to failed ones, so a listener that failed a second ago
        // would be called again at once.
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withMinAge(olderThan)
                .withFilter(publication -> publication.getPublicationDate().isBefore(before))
                .withBatchSize(BATCH)
                .withMaxInFlight(BATCH));
    }
}
