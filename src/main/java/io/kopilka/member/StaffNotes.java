package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Caller;
import java.time.Instant;
import java.util.Optional;

/**
 * The staff's note on a member, for the till: one short text per member, written by whoever serves
 * them ("prefers Aidos", "allergic to mint"). Never shown to the member; deleted with an erasure.
 */
public interface StaffNotes {
    int MAX_LENGTH = 500;

    Optional<StaffNote> of(TenantId tenant, MemberId member);

    /**
     * Replaces the member's note; a blank text deletes it (then empty). An unknown member is 404, an erased
     * one {@code 409 member_erased}, a text over {@link #MAX_LENGTH} characters {@code 422}.
     *
     * Audited as {@code member.note_written}, with the caller (a staff member, an API key) as its writer.
     */
    Optional<StaffNote> write(Caller caller, MemberId member, String text, Instant now);

    /** @param writtenBy who wrote it last, as the till shows it: a staff member's name, an API key's name */
    record StaffNote(String text, String writtenBy, Instant writtenAt) {
    }
}
