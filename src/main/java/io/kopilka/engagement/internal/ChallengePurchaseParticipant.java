package io.kopilka.engagement.internal;

import io.kopilka.engagement.Challenge;
import io.kopilka.engagement.ChallengeDraft;
import io.kopilka.engagement.ChallengeProgressed;
import io.kopilka.engagement.ChallengePolicy;
import io.kopilka.engagement.ChallengeTexts;
import io.kopilka.engagement.PurchaseMeasure;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.shared.Texts;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Challenges in the purchase: each active challenge the purchase qualifies for counts it (under
 * the member's lock, so a member's purchases are counted one at a time and a card completes once),
 * and a completion gives its reward. A tenant without challenges pays a look into memory, no statement.
 */
@Component
@Order(400)
class ChallengePurchaseParticipant implements PurchaseParticipant {
    private final ChallengeCatalog catalog;
    private final ProgressStore progress;
    private final ChallengeRewards rewards;
    private final Tenants tenants;
    private final Programs programs;
    private final RandomGenerator random;
    private final ApplicationEventPublisher events;

    ChallengePurchaseParticipant(ChallengeCatalog catalog, ProgressStore progress, ChallengeRewards rewards,
                                 Tenants tenants, Programs programs, RandomGenerator random,
                                 ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.progress = progress;
        this.rewards = rewards;
        this.tenants = tenants;
        this.programs = programs;
        this.random = random;
        this.events = events;
    }

    @Override
    public List<ReceiptPart> recorded(RecordedPurchase p) {
        List<Challenge> running = running(catalog.active(p.tenant()), p.occurredAt());
        if (running.isEmpty()) {
            return List.of();
        }
        Tenant tenant = tenants.get(p.tenant());
        List<ReceiptPart> parts = new ArrayList<>();
        for (Challenge challenge : running) {
            ChallengeDraft d = challenge.draft();
            var measured = PurchaseMeasure.of(d, p.cart(), p.lines(), p.paid().amount());
            if (measured == null) {
                continue;
            }
            var standing = progress.standing(p.tenant(), challenge.id(), p.member());
            if (d.surprise() != null) {
                surprise(tenant, challenge, p, standing, p.visits(), parts);
                continue;
            }
            var candidate = new ChallengePolicy.Entry(p.purchase().value(), p.occurredAt(),
                    p.occurredAt().atZone(tenant.timezone()).toLocalDate(), measured.amount());
            var decision = ChallengePolicy.decide(d.settings(), standing.entries(), standing.completions(), candidate);
            if (!decision.counts()) {
                continue;
            }
            progress.count(p.tenant(), challenge.id(), p.member(), candidate, measured.units());
            ChallengeRewards.Given given = decision.completes()
                    ? rewards.give(tenant, programs.of(p.tenant()), challenge, p, decision.completedAt(), false)
                    : new ChallengeRewards.Given(List.of(), null);
            parts.add(new ReceiptPart.Challenge(challenge.id().toString(), d.shown(decision.progress()),
                    d.shown(d.target()), decision.completes(), given.couponCodes()));
            BigDecimal before = ChallengePolicy.progress(d.settings(), standing.entries(), standing.completions(),
                    candidate.occurredAt());
            events.publishEvent(new ChallengeProgressed(p.tenant(), p.member(), challenge.id(), d.names(), d.metric(),
                    d.shown(decision.progress()), d.shown(before), d.shown(d.target()), decision.completes(),
                    decision.completes() ? d.reward().points() : 0, given.couponCodes(), p.purchase(), p.recordedAt()));
            if (given.balance() != null) {
                parts.add(given.balance());
            }
            parts.add(message(tenant, d, decision, p.language()));
        }
        return parts;
    }

    /** What the purchase would do: the same decisions, read only; a surprise is never foretold. */
    @Override
    public List<ReceiptPart> quoted(QuotedPurchase q) {
        List<Challenge> running = running(catalog.active(q.tenant()), q.occurredAt());
        if (running.isEmpty()) {
            return List.of();
        }
        Tenant tenant = tenants.get(q.tenant());
        List<ReceiptPart> parts = new ArrayList<>();
        for (Challenge challenge : running) {
            ChallengeDraft d = challenge.draft();
            var measured = d.surprise() != null ? null : PurchaseMeasure.of(d, q.cart(), q.lines(), q.paid().amount());
            if (measured == null) {
                continue;
            }
            var standing = progress.standing(q.tenant(), challenge.id(), q.member());
            var candidate = new ChallengePolicy.Entry(new java.util.UUID(0, 0), q.occurredAt(),
                    q.occurredAt().atZone(tenant.timezone()).toLocalDate(), measured.amount());
            var decision = ChallengePolicy.decide(d.settings(), standing.entries(), standing.completions(), candidate);
            if (decision.counts()) {
                parts.add(new ReceiptPart.Challenge(challenge.id().toString(), d.shown(decision.progress()), d.shown(d.target()),
                        decision.completes(), List.of()));
                parts.add(message(tenant, d, decision, q.language()));
            }
        }
        return parts;
    }

    @Override
    public void returned(RecordedReturn r) {
        if (r.returnsWhole() && !catalog.all(r.tenant()).isEmpty()) {
            rewards.returned(r);
        }
    }

    /** A surprise: drawn for members with the visits, within the month's number of them. */
    private void surprise(Tenant tenant, Challenge challenge, RecordedPurchase p, ProgressStore.Standing standing,
                          int visits, List<ReceiptPart> parts) {
        ChallengeDraft d = challenge.draft();
        ChallengeDraft.Surprise s = d.surprise();
        if (visits < s.minVisits() || ChallengePolicy.finished(d.settings(), standing.completions())
                || random.nextDouble() >= s.probability()) {
            return;
        }
        if (s.maxPerMonth() != null) {
            ZonedDateTime month = p.occurredAt().atZone(tenant.timezone()).toLocalDate().withDayOfMonth(1)
                    .atStartOfDay(tenant.timezone());
            if (progress.surprisesLocked(p.tenant(), challenge.id(), month.toInstant(),
                    month.plusMonths(1).toInstant()) >= s.maxPerMonth()) {
                return;
            }
        }
        ChallengeRewards.Given given = rewards.give(tenant, programs.of(p.tenant()), challenge, p, p.occurredAt(),
                true);
        parts.add(new ReceiptPart.Challenge(challenge.id().toString(), d.shown(d.target()), d.shown(d.target()), true,
                given.couponCodes()));
        events.publishEvent(new ChallengeProgressed(p.tenant(), p.member(), challenge.id(), d.names(), d.metric(),
                d.shown(d.target()), BigDecimal.ZERO, d.shown(d.target()), true, d.reward().points(), given.couponCodes(),
                p.purchase(),
                p.recordedAt()));
        if (given.balance() != null) {
            parts.add(given.balance());
        }
        parts.add(new ReceiptPart.Message(Texts.messages().render(ChallengeTexts.surprised(d.names()), p.language())));
    }

    private static ReceiptPart.Message message(Tenant tenant, ChallengeDraft d, ChallengePolicy.Decision decision,
                                               String language) {
        var text = decision.completes() ? ChallengeTexts.completed(d.names())
                : ChallengeTexts.left(d, decision.progress(), tenant.currency());
        return new ReceiptPart.Message(Texts.messages().render(text, language));
    }

    private static List<Challenge> running(List<Challenge> active, Instant at) {
        return active.stream().filter(c -> c.draft().runsAt(at)).toList();
    }
}
