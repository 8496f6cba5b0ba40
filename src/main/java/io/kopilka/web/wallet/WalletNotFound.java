package io.kopilka.web.wallet;

/** A wallet address naming no business (or a page of it that is not there): the customer sees a 404 page. */
final class WalletNotFound extends RuntimeException {
    WalletNotFound() {
        super("no such wallet page", null, false, false);
    }
}
