package io.tenantry.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module rules of STYLE.md (habit 12), checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "io.tenantry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideNeverSeesTheReadSide = noClasses()
            .that().resideInAPackage("io.tenantry.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tenantry.projections..", "io.tenantry.query..");

    @ArchTest
    static final ArchRule projectionsDoNotSendCommandsFromTheCommandSide = noClasses()
            .that().resideInAPackage("io.tenantry.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tenantry.command..", "io.tenantry.query..");

    @ArchTest
    static final ArchRule querySideDoesNotReachIntoTheCommandSide = noClasses()
            .that().resideInAPackage("io.tenantry.query..")
            .should().dependOnClassesThat().resideInAPackage("io.tenantry.command..");

    @ArchTest
    static final ArchRule modulesDoNotDependOnTheApp = noClasses()
            .that().resideInAnyPackage("io.tenantry.contracts..", "io.tenantry.command..",
                    "io.tenantry.projections..", "io.tenantry.query..")
            .should().dependOnClassesThat().resideInAPackage("io.tenantry.app..");

    @ArchTest
    static final ArchRule contractsHaveNoSpringNoJpaNoWeb = noClasses()
            .that().resideInAPackage("io.tenantry.contracts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "jakarta.servlet..", "jakarta.validation..", "com.fasterxml.jackson.databind..", "org.hibernate..");

    @ArchTest
    static final ArchRule messagesAreRecords = classes()
            .that().resideInAPackage("io.tenantry.contracts..")
            .and().haveNameMatching(".*(Command|Event|Query)$")
            .should().beRecords();

    @ArchTest
    static final ArchRule aggregatesDoNoIo = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio..", "java.sql..",
                    "javax.sql..", "org.springframework.jdbc..", "org.springframework.web..",
                    "org.springframework.kafka..", "org.apache.kafka..", "jakarta.persistence..", "java.net.http..")
            .because("an aggregate decides from its own state; I/O belongs to handlers, sagas and projections");

    @ArchTest
    static final ArchRule aggregatesDoNotTalkToBusesOrRepositories = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Gateway")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Template");
}
