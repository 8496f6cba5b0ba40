package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.util.List;

/**
 * How the console finds members a person half remembers: the newest first, or by a piece of a name,
 * an e-mail or a phone number. Tills find members exactly ({@link Members#byPhone}, {@link Members#byCard});
 * this is for people at a screen, so it is limited and paged, and erased members are left out.
 */
public interface MemberSearch {

    /** At most this many characters of a search are read. */
    int MAX_TEXT = 100;

    /** Members not erased, newest first, older than {@code before} when it is not null. */
    List<Member> newest(TenantId tenant, MemberId before, int limit);

    /**
     * Members not erased whose name or e-mail holds {@code text} (any case), or whose phone holds its
     * digits when it has at least four; newest first, older than {@code before} when it is not null.
     */
    List<Member> matching(TenantId tenant, String text, MemberId before, int limit);
}
