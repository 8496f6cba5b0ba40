package io.kopilka.notification.internal;

import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseRecorded;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A purchase's points ({@code points_earned}, occasion: the purchase's id), off by default. A plain,
 * synchronous listener in the purchase's transaction rather than an {@code @ApplicationModuleListener}: that
 * would store an {@code event_publication} row with every purchase for a kind almost no tenant turns on.
 * So it reads the cached settings first and does nothing when off; when on, it notifies in a savepoint whose
 * failure is logged and swallowed, so a message never fails a purchase.
 */
@Component
class PurchaseNotices {
    private static final Logger log = LoggerFactory.getLogger(PurchaseNotices.class);

    private final Notifications notifications;
    private final Programs programs;
    private final TransactionTemplate savepoint;

    PurchaseNotices(Notifications notifications, Programs programs, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.programs = programs;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @EventListener
    void on(PurchaseRecorded purchase) {
        if (purchase.member() == null || purchase.pointsEarned() <= 0
                || !notifications.settings(purchase.tenant()).pointsEarned()) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> notifications.notify(notice(purchase)));
        } catch (RuntimeException e) {
            log.warn("points_earned for purchase {} not recorded; the purchase stands", purchase.purchase().value(), e);
        }
    }

    private Notice notice(PurchaseRecorded purchase) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("points", purchase.pointsEarned());
        boolean pending = purchase.pointsPending() > 0;
        facts.put("pending", pending);
        if (pending) {
            int days = programs.of(purchase.tenant()).pendingDays();
            facts.put("availableAt", purchase.recordedAt().plus(Duration.ofDays(days)));
        }
        facts.put("paid", purchase.paid());
        return new Notice(purchase.tenant(), purchase.member(), NoticeKind.POINTS_EARNED,
                purchase.purchase().value().toString(), facts, purchase.recordedAt());
    }
}
