package io.kopilka.bench;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import io.kopilka.rules.Explanations;
import io.kopilka.shared.Money;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One explanation, "5% баллами с 7 800 ₸: 390 баллов", three ways: as Texts renders it (one ICU
 * MessageFormat per key and language, used under its lock), with a clone of the format per call
 * instead of the lock, and concatenated by hand as Explanations did before the bundles. Run with
 * {@code -t 2} too, to see the lock under two threads:
 * {@code java -cp ... org.openjdk.jmh.Main TextsBenchmark -f 3 -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TextsBenchmark {
    private static final Currency KZT = Currency.getInstance("KZT");
    private Text text;
    private MessageFormat format;
    private Map<String, Object> args;

    @Setup
    public void setUp() {
        text = Explanations.pointsPercent(new BigDecimal("5"), new BigDecimal("7800.00"), 390, KZT);
        String count = "{points, number, ::group-off}";
        format = new MessageFormat("{percent}% баллами с {base}: {points, plural, one {" + count + " балл} few {"
                + count + " балла} many {" + count + " баллов} other {" + count + " балла}}", ULocale.forLanguageTag("ru"));
        args = Map.of("percent", "5", "base", Money.of(new BigDecimal("7800.00"), KZT).printed(), "points", 390L);
    }

    @Benchmark
    public String textsLocked() {
        return Texts.messages().render(text, "ru");
    }

    @Benchmark
    public String clonePerCall() {
        return ((MessageFormat) format.clone()).format(args);
    }

    @Benchmark
    public String concatenatedByHand() {
        long n = 390;
        long mod100 = n % 100;
        long mod10 = n % 10;
        String word = mod100 >= 11 && mod100 <= 14 ? "баллов" : mod10 == 1 ? "балл"
                : mod10 >= 2 && mod10 <= 4 ? "балла" : "баллов";
        return new BigDecimal("5").stripTrailingZeros().toPlainString() + "% баллами с "
                + Money.of(new BigDecimal("7800.00"), KZT).printed() + ": " + n + " " + word;
    }
}
