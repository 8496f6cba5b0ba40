package io.kopilka.engagement.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.engagement.Challenge;
import io.kopilka.engagement.ChallengeDocument;
import io.kopilka.engagement.ChallengeDraft;
import io.kopilka.engagement.ChallengePolicy;
import io.kopilka.engagement.Challenges;
import io.kopilka.engagement.MemberChallenge;
import io.kopilka.reward.RewardSummary;
import io.kopilka.reward.Rewards;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The challenge catalog, audited, and members' cards. */
@Service
class JdbcChallenges implements Challenges {
    private final ChallengeCatalog catalog;
    private final ProgressStore progress;
    private final Rewards rewards;
    private final AuditLog audit;

    JdbcChallenges(ChallengeCatalog catalog, ProgressStore progress, Rewards rewards, AuditLog audit) {
        this.catalog = catalog;
        this.progress = progress;
        this.rewards = rewards;
        this.audit = audit;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Challenge create(Caller caller, ChallengeDraft draft, Instant now) {
        checkReward(caller.tenant(), draft);
        Challenge created = new Challenge(Ids.next(), draft, now, now);
        catalog.insert(caller.tenant(), created);
        audit.record(caller, Change.created("challenge", created.id().toString(), auditView(created)));
        return created;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Challenge replace(Caller caller, UUID id, ChallengeDraft draft, Instant now) {
        Challenge before = catalog.locked(caller.tenant(), id).orElseThrow(() -> ApiProblem.notFound("Challenge"));
        checkReward(caller.tenant(), draft);
        Challenge after = new Challenge(id, draft, before.createdAt(), now);
        catalog.update(caller.tenant(), after);
        audit.record(caller, Change.updated("challenge", id.toString(), auditView(before), auditView(after)));
        return after;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deactivate(Caller caller, UUID id, Instant now) {
        Challenge before = catalog.locked(caller.tenant(), id).orElseThrow(() -> ApiProblem.notFound("Challenge"));
        ChallengeDraft d = before.draft();
        Challenge after = new Challenge(id, new ChallengeDraft(d.names(), d.description(), d.metric(), d.target(),
                d.windowDays(), d.repeat(), d.maxCompletionsPerMember(), d.oncePerDay(), d.qualifier(), d.reward(),
                d.validFrom(), d.validTo(), false, d.headStart(), d.surprise()), before.createdAt(), now);
        catalog.update(caller.tenant(), after);
        audit.record(caller, new Change("challenge.deactivated", "challenge", id.toString(), auditView(before),
                auditView(after), null));
    }

    @Override
    public Optional<Challenge> byId(TenantId tenant, UUID id) {
        return catalog.byId(tenant, id);
    }

    @Override
    public List<Challenge> page(TenantId tenant, UUID after, int limit) {
        return catalog.page(tenant, after, limit);
    }

    @Override
    public List<MemberChallenge> ofMember(TenantId tenant, MemberId member, Instant now) {
        List<MemberChallenge> cards = new ArrayList<>();
        for (Challenge c : catalog.active(tenant)) {
            var standing = progress.standing(tenant, c.id(), member);
            var s = c.draft().settings();
            cards.add(new MemberChallenge(c.id(), c.draft().names(), c.draft().metric(),
                    ChallengePolicy.progress(s, standing.entries(), standing.completions(), now), c.draft().target(),
                    ChallengePolicy.windowEndsAt(s, standing.entries(), standing.completions(), now),
                    standing.completions().count()));
        }
        return cards;
    }

    private void checkReward(TenantId tenant, ChallengeDraft draft) {
        String rewardId = draft.reward().rewardId();
        if (rewardId != null && rewards.find(tenant, rewardId).filter(RewardSummary::active).isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The challenge has invalid fields",
                    List.of(new ApiProblem.FieldError("reward.rewardId", "no active reward with this id")), Map.of());
        }
    }

    private static Object auditView(Challenge c) {
        return Map.of("id", c.id().toString(), "challenge", ChallengeDocument.of(c.draft(), ZoneOffset.UTC));
    }
}
