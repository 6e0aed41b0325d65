package dev.awsj.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on awsj's compiled classes: no cycle between
 * packages, and each layer imports only the layers below it.
 */
class PackageDependenciesTest {
    /** The layers from the bottom up; a package may depend only on packages listed before it. */
    static final List<String> FOUNDATION = List.of("core", "json", "output", "aws");

    static JavaClasses awsj;

    @BeforeAll
    static void load() {
        awsj = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.awsj");
    }

    /** Every package below dev.awsj is a slice; the slices form no cycle. */
    static ArchRule noCycles() {
        return slices().matching("dev.awsj.(**)").should().beFreeOfCycles();
    }

    @Test
    void packagesFormNoCycle() {
        noCycles().check(awsj);
    }

    @Test
    void theCycleRuleCatchesACycle() {
        // The rule is not vacuous: these two test fixtures import each other and are caught.
        JavaClasses fixtures = new ClassFileImporter().importPackages("dev.awsj.architecture.fixture");
        assertThrows(AssertionError.class, () -> noCycles().check(fixtures));
    }

    @Test
    void theRootPackageIsImportedByNothing() {
        noClasses().that().resideOutsideOfPackage("dev.awsj")
                .should().dependOnClassesThat().resideInAPackage("dev.awsj")
                .because("dev.awsj holds Main and the dispatcher, the top of the house").check(awsj);
    }

    @Test
    void foundationPackagesImportOnlyWhatIsBelowThem() {
        for (int i = 0; i < FOUNDATION.size(); i++) {
            String pkg = "dev.awsj." + FOUNDATION.get(i);
            List<String> allowed = FOUNDATION.subList(0, i + 1).stream().map(p -> "dev.awsj." + p + "..").toList();
            noClasses().that().resideInAPackage(pkg + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "are awsj classes above " + pkg, c -> c.getPackageName().startsWith("dev.awsj")
                                    && allowed.stream().noneMatch(a -> c.getPackageName().equals(a.replace("..", ""))
                                            || c.getPackageName().startsWith(a.replace("..", ".")))))
                    .check(awsj);
        }
    }

    @Test
    void onlyTheCommandLayerUsesPicocli() {
        noClasses().that().resideInAnyPackage("dev.awsj.core..", "dev.awsj.json..", "dev.awsj.output..", "dev.awsj.aws..",
                "dev.awsj.s3.transfer..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(awsj);
    }
}
