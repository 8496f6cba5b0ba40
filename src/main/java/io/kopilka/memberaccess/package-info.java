/**
 * A member's own access to their wallet ({@code /w/{slug}}): one-time sign-in codes sent to their
 * phone or e-mail, one-time sign-in links, and the long-lived session of each signed-in device.
 * Staff sign in elsewhere ({@code tenant}); this module knows members only through their facade.
 */
package io.kopilka.memberaccess;
