package io.kopilka.member;

/** The level a member is on, as the member's own record shows it: {@code {"code", "name"}}. */
public record MemberLevel(String code, String name) {
}
