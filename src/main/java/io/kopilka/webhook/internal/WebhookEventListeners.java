package io.kopilka.webhook.internal;

import io.kopilka.engagement.ChallengeProgressed;
import io.kopilka.ledger.PointsExpired;
import io.kopilka.member.MemberJoined;
import io.kopilka.member.MemberUpdated;
import io.kopilka.notification.PointsExpiring;
import io.kopilka.purchase.PurchaseRecorded;
import io.kopilka.purchase.PurchaseReturned;
import io.kopilka.referral.ReferralRewarded;
import io.kopilka.reward.CouponIssued;
import io.kopilka.reward.CouponUsed;
import io.kopilka.shared.TenantId;
import io.kopilka.tier.TierChanged;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' events into webhook events. Synchronous listeners, in the cause's transaction, so
 * the delivery rows commit with the cause or not at all; a tenant without a subscription to the type
 * costs a look into a cache and nothing else, the body included.
 */
@Component
class WebhookEventListeners {
    private final WebhookOutbox outbox;

    WebhookEventListeners(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    private void publish(TenantId tenant, String type, Instant at, Consumer<EventData> facts) {
        outbox.publish(tenant, type, at, () -> {
            EventData data = EventData.in(outbox.zone(tenant));
            facts.accept(data);
            return data.map();
        });
    }

    @EventListener
    void on(MemberJoined e) {
        publish(e.tenant(), "member.created", e.at(), d -> d.put("memberId", e.member())
                .put("referredBy", e.referredBy()));
    }

    @EventListener
    void on(MemberUpdated e) {
        publish(e.tenant(), "member.updated", e.at(), d -> d.put("memberId", e.member()).put("fields", e.fields()));
    }

    @EventListener
    void on(PurchaseRecorded e) {
        publish(e.tenant(), "purchase.created", e.occurredAt(), d -> d.put("purchaseId", e.purchase())
                .put("externalId", e.externalId()).put("storeCode", e.storeCode()).put("memberId", e.member())
                .put("currency", e.paid().currency().getCurrencyCode()).put("subtotal", e.subtotal())
                .put("discount", e.discount()).put("paid", e.paid()).put("pointsEarned", e.pointsEarned())
                .put("pointsPending", e.pointsPending()).put("pointsRedeemed", e.pointsRedeemed())
                .put("recordedAt", e.recordedAt()));
        if (e.member() == null) {
            return;
        }
        if (e.pointsEarned() > 0) {
            publish(e.tenant(), "points.earned", e.occurredAt(), d -> d.put("memberId", e.member())
                    .put("purchaseId", e.purchase()).put("points", e.pointsEarned())
                    .put("pending", e.pointsPending()));
        }
        if (e.pointsRedeemed() > 0) {
            publish(e.tenant(), "points.redeemed", e.occurredAt(), d -> d.put("memberId", e.member())
                    .put("purchaseId", e.purchase()).put("points", e.pointsRedeemed()));
        }
    }

    @EventListener
    void on(PurchaseReturned e) {
        publish(e.tenant(), "purchase.returned", e.recordedAt(), d -> d.put("purchaseId", e.purchase())
                .put("returnId", e.returnId()).put("externalId", e.externalId()).put("memberId", e.member())
                .put("currency", e.amount().currency().getCurrencyCode()).put("amount", e.amount())
                .put("pointsReversed", e.pointsReversed()).put("pointsRefunded", e.pointsRefunded())
                .put("wholePurchase", e.wholePurchase()));
    }

    @EventListener
    void on(PointsExpired e) {
        publish(e.tenant(), "points.expired", e.at(), d -> d.put("memberId", e.member()).put("points", e.points())
                .put("balance", e.balance()));
    }

    @EventListener
    void on(PointsExpiring e) {
        publish(e.tenant(), "points.expiring", e.at(), d -> d.put("memberId", e.member()).put("total", e.total())
                .put("available", e.available())
                .put("batches", e.batches().stream().map(b -> EventData.in(outbox.zone(e.tenant()))
                        .put("points", b.points()).put("expiresAt", b.expiresAt()).map()).toList()));
    }

    @EventListener
    void on(TierChanged e) {
        publish(e.tenant(), "tier.changed", e.at(), d -> d.put("memberId", e.member()).put("from", e.from())
                .put("to", e.to()).put("reason", e.reason()).put("purchaseId", e.purchase()));
    }

    @EventListener
    void on(CouponIssued e) {
        publish(e.tenant(), "coupon.issued", e.at(), d -> d.put("memberId", e.member()).put("couponId", e.couponId())
                .put("code", e.code()).put("rewardId", e.rewardId()).put("rewardName", e.name())
                .put("source", e.source()).put("expiresAt", e.expiresAt()).put("purchaseId", e.purchase()));
    }

    @EventListener
    void on(CouponUsed e) {
        publish(e.tenant(), "coupon.used", e.at(), d -> d.put("memberId", e.member()).put("couponId", e.couponId())
                .put("code", e.code()).put("rewardId", e.rewardId()).put("purchaseId", e.purchase()));
    }

    @EventListener
    void on(ChallengeProgressed e) {
        if (!e.completed()) {
            return;
        }
        publish(e.tenant(), "challenge.completed", e.at(), d -> d.put("memberId", e.member())
                .put("challengeId", e.challengeId()).put("challengeName", e.name()).put("metric", e.metric())
                .put("progress", e.progress()).put("target", e.target()).put("rewardPoints", e.rewardPoints())
                .put("couponCodes", e.couponCodes()).put("purchaseId", e.purchase()));
    }

    @EventListener
    void on(ReferralRewarded e) {
        publish(e.tenant(), "referral.rewarded", e.at(), d -> d.put("referrerId", e.referrer())
                .put("friendId", e.friend()).put("referrerPoints", e.referrerPoints())
                .put("friendPoints", e.friendPoints()).put("purchaseId", e.purchase())
                .put("availableAt", e.availableAt()));
    }
}
