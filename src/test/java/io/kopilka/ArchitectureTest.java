package io.kopilka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.kopilka.ledger.Account;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.shared.MemberId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The domain stays plain Java: a module's root package (its API and domain types) knows nothing of
 * Spring, JDBC or the servlet world; those live in its {@code internal} and {@code web} packages.
 * And time is read from the injected clock only.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kopilka");

    @Test
    void domainPackagesAreFreeOfSpringAndSql() {
        noClasses().that().resideInAPackage("io.kopilka.(*)")
                .and().resideOutsideOfPackages("io.kopilka.shared..", "io.kopilka.demo..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void sharedRootTypesAreFreeOfSpringAndSql() {
        noClasses().that().resideInAPackage("io.kopilka.shared")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..")
                .check(CLASSES);
    }

    /**
     * Storage and jobs know nothing of the API's shapes: otherwise an answer's format becomes the
     * storage format, and a change to the API rewrites the data. {@code shared.web} is the web
     * plumbing every layer may use (problem+json), not a module's API.
     */
    @Test
    void internalCodeDoesNotUseAModulesWebTypes() {
        noClasses().that().resideInAPackage("io.kopilka.*.internal..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.kopilka.*.web..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.kopilka.shared.web.."))))
                .check(CLASSES);
    }

    /**
     * The purchase is the hallway, not the house: the modules that take part in it (levels today;
     * coupons, challenges and referrals next) plug into {@code purchase.PurchaseParticipant} or
     * listen to its events, so {@code purchase} uses only what sits below it. A new participant
     * that {@code purchase} would call by hand fails here.
     */
    @Test
    void purchaseDependsOnNoParticipant() {
        noClasses().that().resideInAPackage("io.kopilka.purchase..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.kopilka..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("io.kopilka.purchase..",
                                "io.kopilka.shared..", "io.kopilka.tenant..", "io.kopilka.member..",
                                "io.kopilka.program..", "io.kopilka.rules..", "io.kopilka.ledger.."))))
                .check(CLASSES);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }

    /**
     * The ledger is the floor the features stand on: it knows members, programs and tenants, and
     * nothing built on it (purchases, rules, tiers, the wallet), so none of them can pull it along
     * when it changes.
     */
    @Test
    void theLedgerDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("io.kopilka.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kopilka.purchase..", "io.kopilka.rules..",
                        "io.kopilka.tier..", "io.kopilka.wallet..", "io.kopilka.demo..")
                .check(CLASSES);
    }

    /** A write to points takes a LockedAccount; only the ledger, which takes the lock, makes one. */
    @Test
    void onlyTheLedgerMakesALockedAccount() {
        noClasses().that().resideOutsideOfPackage("io.kopilka.ledger..")
                .should().callConstructor(LockedAccount.class, Account.class, List.class)
                .orShould().callMethod(LockedAccount.class, "opened", MemberId.class, Instant.class)
                .check(CLASSES);
    }

    /**
     * The OpenAPI document names a schema by its class's simple name: two web records of one name
     * (a wallet's {@code ExpiringView} and the analytics' once) silently become one schema, and one of
     * the two operations is then documented with the other's fields.
     */
    @Test
    void apiViewsHaveNamesOfTheirOwn() {
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        CLASSES.stream()
                .filter(c -> c.getPackageName().matches("io\\.kopilka\\.[a-z]+\\.web(\\..*)?"))
                .filter(c -> c.isRecord())
                .forEach(c -> byName.computeIfAbsent(c.getSimpleName(), n -> new java.util.ArrayList<>()).add(c.getName()));
        byName.values().removeIf(names -> names.size() < 2);
        org.assertj.core.api.Assertions.assertThat(byName).as("records of the API's web packages sharing a name").isEmpty();
    }
}
