package io.kopilka.engagement;

import io.kopilka.shared.Money;
import io.kopilka.shared.Names;
import io.kopilka.shared.Text;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/** The sentences customers read about challenges, as texts of the message bundles. */
public final class ChallengeTexts {
    private ChallengeTexts() {
    }

    /** «Каждая 6-я стрижка бесплатно: ещё 2 визита», or the money or the items left. */
    public static Text left(ChallengeDraft d, BigDecimal progress, Currency currency) {
        BigDecimal left = d.target().subtract(progress).max(BigDecimal.ZERO);
        return switch (d.metric()) {
            case VISITS -> new Text("challenge.left-visits", Map.of("challenge", d.names(), "n", left.longValue()));
            case ITEMS -> new Text("challenge.left-items", Map.of("challenge", d.names(), "n", left.longValue()));
            case SPEND -> new Text("challenge.left-spend", Map.of("challenge", d.names(),
                    "amount", Money.of(left, currency)));
        };
    }

    /** «Готово: «Каждая 6-я стрижка бесплатно» — награда ваша!» */
    public static Text completed(Names challenge) {
        return new Text("challenge.completed", Map.of("challenge", challenge));
    }

    /** «Сюрприз: «…» — награда ваша!» */
    public static Text surprised(Names challenge) {
        return new Text("challenge.surprise", Map.of("challenge", challenge));
    }

    /** The history line of its points: «Задание «…» выполнено». */
    public static Text points(Names challenge) {
        return new Text("history.challenge-completed", Map.of("challenge", challenge));
    }
}
