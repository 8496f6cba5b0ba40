package io.kopilka.member.web;

/** Examples for the OpenAPI document: a registration as a till in Kazakhstan sends it, and its answer. */
final class MemberExamples {
    static final String NEW_MEMBER = """
            {"phone": "8 701 123 45 67", "name": "Aigerim", "birthDate": "1990-04-02", "locale": "kk",
             "consents": {"sms": true, "email": false}, "attributes": {"kids": 2, "favouriteService": "beard"}}""";

    static final String MEMBER = """
            {"id": "01a2085e-f377-7662-9b9d-b1867f8b7e53", "phone": "+77011234567", "email": null,
             "name": "Aigerim", "birthDate": "1990-04-02", "locale": "kk",
             "cardNumber": "822726074245", "referralCode": "L6GVJBG2", "referredBy": null, "tier": null,
             "consents": {"sms": true, "email": false},
             "attributes": {"kids": 2, "favouriteService": "beard"},
             "createdAt": "2026-11-23T17:26:10.166655+05:00",
             "updatedAt": "2026-11-23T17:26:10.166655+05:00", "erased": false}""";

    private MemberExamples() {
    }
}
