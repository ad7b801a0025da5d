package cn.landmarket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;

import cn.landmarket.audit.CanonicalCheck;
import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.CompactRange;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;

/** The layering of src/site/markdown/conventions.md written as rules, so it cannot rot. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.landmarket");

    private static final DescribedPredicate<JavaClass> RESOURCES =
            DescribedPredicate.describe("REST resources", c -> c.isAnnotatedWith(Path.class));

    @Test
    void resourcesOnlyTranslateHttpAndNeverTouchRepositoriesOrTheEntityManager() {
        noClasses().that(RESOURCES).should().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .check(MAIN);
    }

    @Test
    void transactionsBelongToServicesNotResources() {
        noClasses().that(RESOURCES).should().beAnnotatedWith(Transactional.class).check(MAIN);
        noMethods().that().areDeclaredInClassesThat(RESOURCES).should().beAnnotatedWith(Transactional.class)
                .check(MAIN);
        methods().that().areAnnotatedWith(Transactional.class).should().beDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Service").check(MAIN);
    }

    @Test
    void entitiesNeverLeaveThroughRest() {
        methods().that().areDeclaredInClassesThat(RESOURCES).and().arePublic()
                .should(new ArchCondition<JavaMethod>("not return an entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean entity = method.getRawReturnType().isAnnotatedWith(Entity.class);
                        events.add(new SimpleConditionEvent(method, !entity,
                                method.getFullName() + " returns entity " + method.getRawReturnType().getName()));
                    }
                }).check(MAIN);
    }

    /**
     * Every package directly under cn.landmarket, read from the compiled classes, so a new
     * feature is covered by the rules below without anyone listing it.
     */
    private static final Set<String> FEATURES = features();

    private static Set<String> features() {
        Set<String> features = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String name = c.getPackageName();
            if (name.startsWith("cn.landmarket.")) {
                features.add(name.substring("cn.landmarket.".length()).split("\\.")[0]);
            }
        }
        return features;
    }

    /** The package patterns of every feature except the given ones. */
    private static String[] featuresExcept(String... allowed) {
        Set<String> allowedSet = Set.of(allowed);
        return FEATURES.stream().filter(f -> !allowedSet.contains(f)).map(f -> "cn.landmarket." + f + "..")
                .toArray(String[]::new);
    }

    @Test
    void theFeatureListIsReadFromTheClassesAndHoldsEveryFeature() {
        org.junit.jupiter.api.Assertions.assertTrue(FEATURES.containsAll(List.of("asset", "auction", "audit", "bank",
                "calendar", "common", "document", "escrow", "ledger", "listing", "ops", "oversight", "party", "settlement",
                "verifier")), FEATURES::toString);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.landmarket.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void commonCodeDependsOnNoFeature() {
        noClasses().that().resideInAPackage("cn.landmarket.common..")
                .should().dependOnClassesThat().resideInAnyPackage(featuresExcept("common"))
                .check(MAIN);
    }

    @Test
    void theAuditLogDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("cn.landmarket.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(featuresExcept("audit", "common"))
                .check(MAIN);
    }

    /** Escrow (virtual accounts, refunds, the credit hand-off) lies below auction, settlement and bank. */
    @Test
    void escrowDependsOnNoFeatureButLedgerCalendarPartyAuditAndCommon() {
        noClasses().that().resideInAPackage("cn.landmarket.escrow..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        featuresExcept("escrow", "ledger", "calendar", "party", "audit", "common"))
                .check(MAIN);
    }

    /** Bank notice intake hands credits over through escrow.AccountCredits and knows neither owner. */
    @Test
    void bankDependsOnNeitherAuctionNorSettlement() {
        noClasses().that().resideInAPackage("cn.landmarket.bank..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.landmarket.auction..",
                        "cn.landmarket.settlement..")
                .check(MAIN);
    }

    @Test
    void repositoriesAreUsedOnlyByServices() {
        classes().that().areAssignableTo(PanacheRepositoryBase.class)
                .should().onlyBeAccessed().byClassesThat(DescribedPredicate.describe("services or repositories",
                        c -> c.getSimpleName().endsWith("Service") || c.getSimpleName().endsWith("Repository")))
                .check(MAIN);
    }

    /**
     * The plain-Java audit classes that the server and the standalone verifier share, bundled into
     * the verifier jar (keep the maven-shade-plugin includes in pom.xml in step with this list).
     */
    private static final List<Class<?>> PURE_AUDIT = List.of(CanonicalCheck.class, Checkpoint.class,
            CompactRange.class, MerkleTree.class, SignedNote.class);

    /**
     * The plain-Java rule classes that decide a published result, which the verifier's recomputations
     * ({@code verifier/Recomputation}) run on the public log exactly as the service runs them; bundled
     * into the verifier jar as well (keep the maven-shade-plugin includes in pom.xml in step).
     */
    private static final List<Class<?>> SHARED_RULES = List.of(cn.landmarket.auction.SealedOpening.class,
            cn.landmarket.auction.SealedCommitment.class, cn.landmarket.auction.QuotationValidity.class,
            cn.landmarket.auction.LotteryDraw.class, cn.landmarket.auction.LotteryCommitment.class,
            cn.landmarket.settlement.RunnerUpRule.class);

    private static boolean isPureAudit(JavaClass c) {
        return PURE_AUDIT.stream().anyMatch(p -> c.getName().equals(p.getName())
                || c.getName().startsWith(p.getName() + "$"));
    }

    private static boolean isSharedRule(JavaClass c) {
        JavaClass t = c.isArray() ? c.getBaseComponentType() : c;
        return SHARED_RULES.stream().anyMatch(p -> t.getName().equals(p.getName())
                || t.getName().startsWith(p.getName() + "$"));
    }

    private static boolean isJdk(JavaClass c) {
        JavaClass t = c.isArray() ? c.getBaseComponentType() : c;
        return t.isPrimitive() || t.getPackageName().startsWith("java.");
    }

    @Test
    void theVerifierDependsOnlyOnTheJdkJacksonCoreAndThePureAuditClasses() {
        classes().that().resideInAPackage("cn.landmarket.verifier..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "the JDK, jackson-core, the verifier, " + PURE_AUDIT.stream().map(Class::getSimpleName).toList()
                                + " or " + SHARED_RULES.stream().map(Class::getSimpleName).toList(),
                        c -> isJdk(c) || isPureAudit(c) || isSharedRule(c)
                                || (c.isArray() ? c.getBaseComponentType() : c).getPackageName()
                                        .matches("com\\.fasterxml\\.jackson\\.core(\\..*)?|cn\\.landmarket\\.verifier(\\..*)?")))
                .check(MAIN);
        classes().that(DescribedPredicate.describe("pure audit classes", ArchitectureTest::isPureAudit))
                .should().onlyDependOnClassesThat(DescribedPredicate.describe("the JDK or one another",
                        c -> isJdk(c) || isPureAudit(c)))
                .check(MAIN);
        classes().that(DescribedPredicate.describe("rule classes the verifier shares", ArchitectureTest::isSharedRule))
                .should().onlyDependOnClassesThat(DescribedPredicate.describe("the JDK or one another",
                        c -> isJdk(c) || isSharedRule(c)))
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage("cn.landmarket.verifier..")
                .should().dependOnClassesThat().resideInAPackage("cn.landmarket.verifier..")
                .check(MAIN);
    }
}
