package io.kopilka.wallet.internal;

import io.kopilka.member.MemberErased;
import io.kopilka.wallet.Goals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A goal of the member's own names their plans ("a surprise for my wife"): it goes with their data. */
@Component
class GoalsOfErasedMembers {
    private final Goals goals;

    GoalsOfErasedMembers(Goals goals) {
        this.goals = goals;
    }

    /** In the erasing transaction: the erasure and the goal's deletion commit together. */
    @EventListener
    void on(MemberErased erased) {
        goals.clear(erased.tenant(), erased.member());
    }
}
