package io.kopilka.audit;

/**
 * One change as the audit log keeps it.
 *
 * @param action     what was done, {@code <object>.<verb>} in snake_case: "reward.created", "points.adjusted"
 * @param objectType what it was done to: "program", "rule", "reward", "member", "coupon", ...
 * @param objectId   which one (a member's id, a coupon's code); null for the tenant's single program
 * @param before     the object before, as its API shows it (null when it is created)
 * @param after      the object after (null when it is deleted or archived away)
 * @param reason     why, when the writer gave a reason
 */
public record Change(String action, String objectType, String objectId, Object before, Object after, String reason) {

    public static Change created(String objectType, String objectId, Object after) {
        return new Change(objectType + ".created", objectType, objectId, null, after, null);
    }

    public static Change updated(String objectType, String objectId, Object before, Object after) {
        return new Change(objectType + ".updated", objectType, objectId, before, after, null);
    }
}
