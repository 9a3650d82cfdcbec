package org.tezuo.app;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module dependency direction: metadata ← platform-core ← form-engine, workflow-engine ← policy-packs,
 * industry-templates ← ui. Each module owns one root package.
 */
class ModuleDependencyTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tezuo");
    }

    @Test
    void metadataDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.tezuo.metadata..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tezuo.core..", "org.tezuo.form..",
                        "org.tezuo.workflow..", "org.tezuo.packs..", "org.tezuo.templates..", "org.tezuo.app..")
                .check(classes);
    }

    @Test
    void platformCoreUsesOnlyMetadata() {
        noClasses().that().resideInAPackage("org.tezuo.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tezuo.form..", "org.tezuo.workflow..",
                        "org.tezuo.packs..", "org.tezuo.templates..", "org.tezuo.app..")
                .check(classes);
    }

    @Test
    void enginesStayIndependent() {
        noClasses().that().resideInAPackage("org.tezuo.form..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tezuo.workflow..", "org.tezuo.packs..",
                        "org.tezuo.templates..", "org.tezuo.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.tezuo.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tezuo.form..", "org.tezuo.packs..",
                        "org.tezuo.templates..", "org.tezuo.app..")
                .check(classes);
    }

    @Test
    void packsAndTemplatesDoNotReachTheApplication() {
        noClasses().that().resideInAnyPackage("org.tezuo.packs..", "org.tezuo.templates..")
                .should().dependOnClassesThat().resideInAPackage("org.tezuo.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.tezuo.packs..")
                .should().dependOnClassesThat().resideInAPackage("org.tezuo.templates..")
                .check(classes);
    }

    @Test
    void featurePackagesOfTheCoreHaveNoCycles() {
        slices().matching("org.tezuo.core.(*)..").should().beFreeOfCycles().check(classes);
    }
}
