package io.kopilka.purchase.web;

/** Examples for the OpenAPI document: a purchase with a redemption, its receipt, and a return. */
final class PurchaseExamples {
    static final String ORDER = """
            {"externalId": "till1-000123", "storeCode": "main", "member": {"phone": "+77011234567"},
             "items": [{"sku": "HAIRCUT", "name": "Haircut", "category": "service", "quantity": 1, "unitPrice": "5000.00"},
                       {"sku": "SHAMPOO-1", "category": "shampoo", "quantity": 2, "unitPrice": "1500.00"}],
             "redeemPoints": 200}""";

    static final String RECEIPT = """
            {"id": "01a20897-f602-7054-8e44-4ffac53920a9", "externalId": "till1-000123",
             "memberId": "01a20897-f589-7eb6-b640-64e5d098fdbf", "subtotal": "8000.00", "discount": "0.00",
             "pointsRedeemed": 200, "redeemValue": "200.00", "payable": "7800.00",
             "pointsEarned": 390, "pointsPending": 0, "balance": {"available": 390, "pending": 0},
             "appliedRules": [{"ruleId": "01a20897-f53f-7c1e-8a2b-5d7e9f1a3b4c", "name": "5% back", "points": 390,
                               "discount": "0.00", "explanation": "5% back on 7 800 ₸: 390 points"}],
             "couponsUsed": [], "couponsIssued": [], "challenges": [], "tier": null,
             "messages": ["5% back on 7 800 ₸: 390 points"], "programVersion": 1, "rulesVersion": 1}""";

    /** A quote writes nothing: no id, and the balance is the one the purchase would leave. */
    static final String QUOTE = """
            {"id": null, "externalId": "till1-000123",
             "memberId": "01a20897-f589-7eb6-b640-64e5d098fdbf", "subtotal": "8000.00", "discount": "0.00",
             "pointsRedeemed": 200, "redeemValue": "200.00", "payable": "7800.00",
             "pointsEarned": 390, "pointsPending": 0, "balance": {"available": 390, "pending": 0},
             "appliedRules": [{"ruleId": "01a20897-f53f-7c1e-8a2b-5d7e9f1a3b4c", "name": "5% back", "points": 390,
                               "discount": "0.00", "explanation": "5% back on 7 800 ₸: 390 points"}],
             "couponsUsed": [], "couponsIssued": [], "challenges": [], "tier": null,
             "messages": ["5% back on 7 800 ₸: 390 points"], "programVersion": 1, "rulesVersion": 1}""";

    static final String RETURN_BY_ITEMS = """
            {"externalId": "till1-ret-7", "items": [{"sku": "SHAMPOO-1", "quantity": 1}]}""";

    static final String RETURN_BY_AMOUNT = """
            {"externalId": "till1-ret-8", "amount": "1000.00"}""";

    static final String RETURN_RECEIPT = """
            {"id": "01a20897-f6e2-7676-aaee-c397a9a3f582", "purchaseId": "01a20897-f602-7054-8e44-4ffac53920a9",
             "externalId": "till1-ret-7", "amount": "1462.50", "pointsReversed": 73, "pointsRefunded": 38,
             "balance": {"available": 355, "pending": 0}}""";

    private PurchaseExamples() {
    }
}
