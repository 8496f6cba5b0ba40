package io.kopilka.fuzz;

import java.util.Map;

/**
 * The tenants' rows that the next judged answer is compared with, so that an error answer is blamed
 * only for what it wrote itself. Requests that are not judged (fresh objects, restores, finding an
 * operation's key) may write too: they mark the baseline stale, and the next case's request takes a
 * new one before it is sent (see RequestBuilder). A judged answer's own snapshot is the next
 * baseline, so most cases cost one snapshot, not two.
 */
final class RowsBaseline {
    private final TenantRows rows;
    private Map<String, String> last;
    private boolean stale = true;

    RowsBaseline(TenantRows rows) {
        this.rows = rows;
        this.last = rows.snapshot();
    }

    /** Something may have been written that no judged answer accounts for. */
    void markStale() {
        stale = true;
    }

    void renewIfStale() {
        if (stale) {
            last = rows.snapshot();
            stale = false;
        }
    }

    /** After a judged answer: what changed since the baseline ("" for nothing); the rows now are the new baseline. */
    String advance() {
        Map<String, String> after = rows.snapshot();
        String written = TenantRows.diff(last, after);
        last = after;
        return written;
    }
}
