package io.kopilka.web.admin.members;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.StaffMember;
import java.util.Locale;
import java.util.Set;
import io.kopilka.web.common.MemberExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** A member's page: balance, expiring points and level first, then everything else the program knows. */
@Controller
class MemberPage {
    /** The notices an action's redirect may ask for; anything else in {@code done} is ignored. */
    static final Set<String> DONE = Set.of("profile", "points", "gift", "card", "level", "erased");

    private final Members members;
    private final MemberScreen screen;
    private final MemberExport export;

    MemberPage(Members members, MemberScreen screen, MemberExport export) {
        this.members = members;
        this.screen = screen;
        this.export = export;
    }

    @GetMapping("/admin/members/{id}")
    String member(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                  @RequestParam(required = false) String history, @RequestParam(required = false) String done,
                  Locale locale, Model model) {
        Member member = members.get(me.tenant(), id);
        screen.fill(model, me, member, TimeCursor.parse(history), done != null && DONE.contains(done) ? done : null, null, locale);
        return "admin/members/member";
    }

    /** The next page of the history: with htmx only the table's rows, else the whole page at that page. */
    @GetMapping("/admin/members/{id}/history")
    String history(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                   @RequestParam(required = false) String cursor,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        Member member = members.get(me.tenant(), id);
        if (htmx == null) {
            return "redirect:/admin/members/" + member.id() + (cursor == null ? "" : "?history=" + cursor) + "#history";
        }
        screen.fill(model, me, member, TimeCursor.parse(cursor), null, null, locale);
        return "admin/members/member :: history";
    }

    /** What the program keeps about the member, as one JSON file to hand to them (a data subject's request). */
    @GetMapping("/admin/members/{id}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal StaffMember me, @PathVariable String id) {
        Member member = members.get(me.tenant(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("member-" + member.id() + ".json").build().toString())
                .body(export.of(me.tenant(), member));
    }
}
