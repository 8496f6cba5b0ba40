package io.kopilka.tenant;

/**
 * A staff account was invited, changed, deactivated, given a password link, set its password or
 * signed out everywhere; published in the change's transaction, for the audit log.
 *
 * @param action "staff.invited", "staff.updated", "staff.deactivated", "staff.password_link_issued",
 *               "staff.password_set", "staff.signed_out_everywhere"
 * @param before null when invited
 */
public record StaffChanged(Caller by, String action, StaffMember before, StaffMember after) {
}
