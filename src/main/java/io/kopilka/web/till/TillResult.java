package io.kopilka.web.till;

import java.util.List;

/**
 * A committed check in words the cashier reads aloud.
 *
 * @param replayed the same check sent again (a double tap, a retry): nothing was recorded twice
 */
record TillResult(String purchaseId, List<String> lines, boolean replayed) {
}
