package io.kopilka.fuzz;

import io.kopilka.testing.IntegrationTest.TestTenant;
import java.util.Map;

/** A tenant with realistic data; {@code pool} maps a collection path to one real id in it. */
record Fixture(String name, TestTenant tenant, String posKey, String memberReferralCode, String member2,
               Map<String, String> pool) {
}
