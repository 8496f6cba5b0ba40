package io.kopilka.notification.internal;

import io.kopilka.member.Member;
import io.kopilka.member.MemberJoined;
import io.kopilka.member.Members;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.program.Programs;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A member who joins is welcomed, once (occasion {@code join}). */
@Component
class WelcomeNotices {
    private final Notifications notifications;
    private final Members members;
    private final Programs programs;

    WelcomeNotices(Notifications notifications, Members members, Programs programs) {
        this.notifications = notifications;
        this.members = members;
        this.programs = programs;
    }

    @ApplicationModuleListener
    void on(MemberJoined joined) {
        members.byId(joined.tenant(), joined.member()).filter(m -> !m.erased()).ifPresent(member -> {
            Map<String, Object> facts = new HashMap<>();
            long welcomePoints = programs.of(joined.tenant()).welcomePoints();
            Facts.putIfPositive(facts, "welcomePoints", welcomePoints);
            Facts.putIfPresent(facts, "cardNumber", member.cardNumber());
            Facts.putIfPresent(facts, "referralCode", member.referralCode());
            notifications.notify(new Notice(joined.tenant(), joined.member(), NoticeKind.WELCOME, "join", facts,
                    joined.at()));
        });
    }
}
