package io.kopilka.badge;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Names;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * A member's badges: what they achieved (a challenge completed, a first or tenth visit, a new level),
 * each once, named in the member's language.
 *
 * <p>A badge is a memory, not a balance: once given it stays. A whole return of the purchase that
 * gave {@code first_visit} or {@code tenth_visit} takes the visit back from the count but leaves the
 * badge, and a member who moves down a level keeps that level's badge; reaching the same milestone
 * again gives nothing new. The milestones themselves are {@link Milestones}.
 */
public interface Badges {

    /**
     * Gives the badge {@code code} unless the member has it, in the caller's transaction (propagation
     * MANDATORY): a badge is earned once, however many times its occasion comes.
     *
     * @param name   what the member reads ("Постоянный гость"), in the tenant's language and others
     * @param source what gave it: "challenge", "milestone", "tier"
     * @return whether it was given now (false: the member had it)
     */
    boolean award(TenantId tenant, MemberId member, String code, Names name, String source, Instant at);

    /** The member's badges, the newest first. */
    List<Badge> of(TenantId tenant, MemberId member);

    record Badge(String code, Names name, String source, Instant earnedAt) {
    }
}
