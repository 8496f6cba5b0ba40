package io.kopilka.testing;

import java.util.Random;
import java.util.random.RandomGenerator;

/** A random generator tests can seed (the draw of challenge surprises), in place of the application's. */
public final class SeededRandom implements RandomGenerator {
    private Random random = new Random(0);

    public synchronized void reseed(long seed) {
        random = new Random(seed);
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }

    @Override
    public synchronized double nextDouble() {
        return random.nextDouble();
    }
}
