package io.kopilka.memberaccess;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;

/**
 * Who is signed in to a wallet page: a member of the tenant whose slug the page's address names.
 * A session of one tenant's wallet opens nothing of another's.
 */
public record WalletMember(TenantId tenant, String slug, MemberId member) {
}
