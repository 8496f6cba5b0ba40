package io.kopilka.member;

/** How a till names a member: by id, by phone or by card number (exactly one). */
public record MemberRef(String id, String phone, String card) {
    public static MemberRef ofId(String id) {
        return new MemberRef(id, null, null);
    }

    public boolean isEmpty() {
        return id == null && phone == null && card == null;
    }
}
