package io.kopilka.member.web;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.member.StaffNotes;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The staff's note on a member, as the till shows it; a till's key may read and write it. */
@RestController
@Tag(name = "Members")
class StaffNoteController {
    private final Members members;
    private final StaffNotes notes;
    private final Tenants tenants;
    private final Clock clock;

    StaffNoteController(Members members, StaffNotes notes, Tenants tenants, Clock clock) {
        this.members = members;
        this.notes = notes;
        this.tenants = tenants;
        this.clock = clock;
    }

    record NoteView(String memberId,
                    @Nullable @Schema(description = "The note; null when there is none", example = "Стрижет только у Айдоса")
                    String text,
                    @Nullable @Schema(description = "Who wrote it last: the staff member's or the key's name") String writtenBy,
                    @Nullable OffsetDateTime writtenAt) {
        static NoteView of(Member member, Optional<StaffNotes.StaffNote> note, ZoneId zone) {
            return new NoteView(member.id().toString(), note.map(StaffNotes.StaffNote::text).orElse(null),
                    note.map(StaffNotes.StaffNote::writtenBy).orElse(null),
                    note.map(n -> n.writtenAt().atZone(zone).toOffsetDateTime()).orElse(null));
        }
    }

    record NoteBody(@Schema(description = "Up to 500 characters; an empty text deletes the note",
            requiredMode = Schema.RequiredMode.REQUIRED) String text) {
    }

    @GetMapping("/api/v1/members/{id}/note")
    @Operation(operationId = "getMemberNote", summary = "The staff's note on a member (never shown to the member)")
    @ApiResponse(responseCode = "200", description = "The note, or nulls when there is none")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    NoteView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = members.get(caller.tenant(), id);
        return NoteView.of(member, notes.of(caller.tenant(), member.id()), tenants.get(caller.tenant()).timezone());
    }

    @PutMapping("/api/v1/members/{id}/note")
    @Operation(operationId = "putMemberNote",
            summary = "Writes the staff's note on a member (replacing the one before); an empty text deletes it")
    @ApiResponse(responseCode = "200", description = "The note as kept now")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = ApiDocs.MEMBER_ERASED)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: no `text`, or one over 500 characters")
    NoteView put(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody NoteBody body) {
        if (body == null || body.text() == null) {
            throw ApiProblem.invalid("text", "is required (an empty text deletes the note)");
        }
        Member member = members.get(caller.tenant(), id);
        var note = notes.write(caller, member.id(), body.text(), Now.of(clock));
        return NoteView.of(member, note, tenants.get(caller.tenant()).timezone());
    }
}
