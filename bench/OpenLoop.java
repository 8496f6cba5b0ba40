import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop, fixed-rate load generator of bench/run: requests leave at RATE per second on a
 * fixed schedule whether or not earlier ones were answered, and each latency is counted from when
 * its request was due to leave, not from when it left. A closed loop (wrk) at saturation measures
 * the queue in front of the service; this measures what a till feels at a given load, without
 * coordinated omission. The bodies are bench/load.lua's: random seeded members by phone, 2-6 items,
 * 30% redeeming a few points.
 *
 * The first WARMUP seconds (5) are sent on the same schedule and not counted: the generator's own JIT
 * would otherwise make its first requests late, and their lateness would count as the service's.
 *
 * Usage (JDK 25, no build): java bench/OpenLoop.java URL RATE SECONDS OUT
 * Environment: KOPILKA_KEY, MEMBERS. OUT gets the wrk script's keys (requests, p50_us, ...).
 */
public class OpenLoop {
    private static final String[][] SKUS = {{"HAIRCUT", "service", "5000"}, {"BEARD", "service", "3000"},
            {"SHAMPOO-1", "shampoo", "1500"}, {"OIL-2", "beard-care", "4500"}, {"WAX-3", "styling", "2500"},
            {"COFFEE", "bar", "900"}};

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        String key = System.getenv("KOPILKA_KEY");
        int members = Integer.parseInt(System.getenv("MEMBERS"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int warm = rate * Integer.parseInt(System.getenv().getOrDefault("OPEN_LOOP_WARMUP", "5"));
        int total = warm + rate * seconds;
        long[] latencies = new long[total];
        // One never answered counts as the timeout.
        Arrays.fill(latencies, TimeUnit.SECONDS.toNanos(10));
        AtomicInteger answered = new AtomicInteger();
        AtomicLong errorsStatus = new AtomicLong();
        AtomicLong errorsOther = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        Random random = new Random(42);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(random, members, i))).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
                latencies[slot] = System.nanoTime() - due;
                if (slot >= warm && failure != null) {
                    errorsOther.incrementAndGet();
                } else if (slot >= warm && r.statusCode() >= 400) {
                    errorsStatus.incrementAndGet();
                }
                answered.incrementAndGet();
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
        long elapsedUs = (System.nanoTime() - start) / 1000 - warm * (period / 1000);
        int n = answered.get() - warm;
        long[] sorted = Arrays.copyOfRange(latencies, warm, total);
        Arrays.sort(sorted);
        int counted = sorted.length;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.printf("requests=%d%nduration_us=%d%nerrors_status=%d%nerrors_connect=0%nerrors_read=%d%n"
                            + "errors_write=0%nerrors_timeout=%d%n", n, elapsedUs, errorsStatus.get(),
                    errorsOther.get(), counted - n);
            w.printf("p50_us=%d%np99_us=%d%np999_us=%d%nmax_us=%d%nrate=%d%n", percentile(sorted, 50),
                    percentile(sorted, 99), percentile(sorted, 99.9), sorted[counted - 1] / 1000, rate);
        }
        System.exit(0);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000;
    }

    private static String body(Random random, int members, int seq) {
        String phone = String.format("+7701%07d", 1 + random.nextInt(members));
        int n = 2 + random.nextInt(5);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String[] s = SKUS[i];
            items.append(i == 0 ? "" : ",").append(String.format(
                    "{\"sku\":\"%s\",\"category\":\"%s\",\"quantity\":%d,\"unitPrice\":\"%s.00\"}",
                    s[0], s[1], 1 + random.nextInt(2), s[2]));
        }
        int redeem = random.nextDouble() < 0.30 ? 1 + random.nextInt(100) : 0;
        return String.format("{\"externalId\":\"open-%d\",\"storeCode\":\"main\",\"channel\":\"pos\","
                + "\"member\":{\"phone\":\"%s\"},\"items\":[%s],\"redeemPoints\":%d}", seq, phone, items, redeem);
    }
}
