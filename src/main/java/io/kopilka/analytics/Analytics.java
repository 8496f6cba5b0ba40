package io.kopilka.analytics;

import io.kopilka.shared.TenantId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The figures of the owner's dashboard, gathered from the modules that own them (through their facades). */
public interface Analytics {

    /** The longest range one summary covers: a year and a leap day. */
    int MAX_DAYS = 366;

    /**
     * The days {@code from} to {@code to} (inclusive) in the tenant's time zone, and the point-in-time figures
     * as of now. {@code storeCode} (null: all stores) narrows the purchase figures (purchases, revenue,
     * returns, top rules); the points and members figures are the tenant's. 422 for {@code from} after
     * {@code to}, a range over {@link #MAX_DAYS} days or an unknown store.
     */
    Summary summary(TenantId tenant, LocalDate from, LocalDate to, @Nullable String storeCode);
}
