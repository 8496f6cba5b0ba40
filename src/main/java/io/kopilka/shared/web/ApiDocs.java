package io.kopilka.shared.web;

/**
 * Words the controllers' OpenAPI annotations share. An error answer's description is a list of
 * {@code `code`: when}, one a line ({@link ErrorResponses} adds the codes every operation shares).
 */
public final class ApiDocs {
    /** The 403 of what {@code ApiSecurityConfiguration} keeps to admin keys. */
    public static final String ADMIN_ONLY = "`forbidden`: admin keys only; a pos key (or the platform key) is refused";
    public static final String MEMBER_NOT_FOUND = "`not_found`: no member with this id in the tenant";
    public static final String MEMBER_ERASED = "`member_erased`: the member's personal data was erased";
    public static final String NEXT_CURSOR = "Pass as `cursor` for the next page; null on the last page";
    public static final String CREATED = "Done: the answer to the first request";
    /** The 200 of a write that is idempotent by key: a retry gets the first answer again. */
    public static final String REPLAYED = "A retry with the same `Idempotency-Key`: the first answer, unchanged; "
            + "nothing was done again";

    private ApiDocs() {
    }
}
