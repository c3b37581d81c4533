package io.tenantry.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tenantry.app.oauth.OAuthIssuer;
import io.tenantry.app.oauth.SigningKeys;
import io.tenantry.app.oauth.TokenExchange;
import io.tenantry.app.ops.ProjectionAdmin;
import io.tenantry.app.usage.UsageIngest;
import io.tenantry.app.webhooks.WebhookDeliveries;
import io.tenantry.command.domains.DomainVerification;
import io.tenantry.command.idp.IdentityProviderSetup;
import io.tenantry.command.invitation.InvitationMailer;
import io.tenantry.command.invitation.InvitationPolicy;
import io.tenantry.command.lead.LeadMailer;
import io.tenantry.command.lead.LeadPolicy;
import io.tenantry.command.lead.LeadTokens;
import io.tenantry.command.provisioning.ProvisioningWebhooks;
import io.tenantry.command.subscription.PlanChangePreviews;
import io.tenantry.command.subscription.StripeNotices;
import io.tenantry.command.subscription.StripeWebhooks;
import io.tenantry.command.subscription.SubscriptionReconciliation;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.query.audit.AuditLogReads;
import io.tenantry.query.dashboard.DashboardProperties;
import io.tenantry.query.dashboard.LifecycleStream;
import io.tenantry.query.entitlement.EntitlementChecks;
import io.tenantry.query.tenant.TenantReadAccess;
import jakarta.validation.Validator;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The module rules (docs/architecture.md), checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "io.tenantry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideNeverSeesTheReadSide = noClasses()
            .that()
            .resideInAPackage("io.tenantry.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tenantry.projections..", "io.tenantry.query..");

    @ArchTest
    static final ArchRule projectionsDoNotSendCommandsFromTheCommandSide = noClasses()
            .that()
            .resideInAPackage("io.tenantry.projections..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tenantry.command..", "io.tenantry.query..");

    @ArchTest
    static final ArchRule querySideDoesNotReachIntoTheCommandSide = noClasses()
            .that()
            .resideInAPackage("io.tenantry.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tenantry.command..");

    @ArchTest
    static final ArchRule modulesDoNotDependOnTheApp = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.tenantry.contracts..",
                    "io.tenantry.command..",
                    "io.tenantry.projections..",
                    "io.tenantry.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tenantry.app..");

    @ArchTest
    static final ArchRule contractsHaveNoSpringNoJpaNoWeb = noClasses()
            .that()
            .resideInAPackage("io.tenantry.contracts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "jakarta.servlet..",
                    "jakarta.validation..",
                    "com.fasterxml.jackson.databind..",
                    "org.hibernate..");

    @ArchTest
    static final ArchRule messagesAreRecords = classes()
            .that()
            .resideInAPackage("io.tenantry.contracts..")
            .and()
            .haveNameMatching(".*(Command|Event|Query)$")
            .should()
            .beRecords();

    /** The aggregates, and the classes they hold as {@code @AggregateMember} entities (at any depth). */
    static final DescribedPredicate<JavaClass> AGGREGATES_AND_ENTITIES = DescribedPredicate.describe(
            "aggregates and their @AggregateMember entities", ArchitectureTest::isAggregateOrEntity);

    /** More command handlers than this in one class is a class to split (into an aggregate member, say). */
    static final int MAX_COMMAND_HANDLERS = 10;

    @ArchTest
    static final ArchRule aggregatesDoNoIo = noClasses()
            .that(AGGREGATES_AND_ENTITIES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.io..",
                    "java.net..",
                    "java.nio..",
                    "java.sql..",
                    "javax.sql..",
                    "org.springframework.jdbc..",
                    "org.springframework.web..",
                    "org.springframework.kafka..",
                    "org.apache.kafka..",
                    "jakarta.persistence..",
                    "java.net.http..")
            .because("an aggregate decides from its own state; I/O belongs to handlers, sagas and projections");

    @ArchTest
    static final ArchRule aggregatesDoNotTalkToBusesOrRepositories = noClasses()
            .that(AGGREGATES_AND_ENTITIES)
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Gateway")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Template");

    @ArchTest
    static final ArchRule fewCommandHandlersPerClass = classes()
            .should(new ArchCondition<>("have at most " + MAX_COMMAND_HANDLERS + " command handlers") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    long handlers = type.getMethods().stream()
                            .filter(method -> method.isAnnotatedWith(CommandHandler.class))
                            .count();
                    if (handlers > MAX_COMMAND_HANDLERS) {
                        events.add(SimpleConditionEvent.violated(
                                type,
                                type.getName() + " has " + handlers + " command handlers, more than "
                                        + MAX_COMMAND_HANDLERS));
                    }
                }
            });

    static boolean isAggregateOrEntity(JavaClass type) {
        return type.isAnnotatedWith(Aggregate.class)
                || type.getFieldsWithTypeOfSelf().stream()
                        .anyMatch(field -> field.isAnnotatedWith(AggregateMember.class)
                                && !field.getOwner().equals(type)
                                && isAggregateOrEntity(field.getOwner()));
    }

    /** A web controller (Spring MVC's {@code @RestController} or {@code @Controller}), or a class nested in one. */
    static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe(
            "controllers",
            type -> isController(type)
                    || type.getEnclosingClass()
                            .map(ArchitectureTest::isController)
                            .orElse(false));

    /**
     * Where state lives: JDBC, JPA/Hibernate and Spring Data, the Axon event store, event bus, repositories, saga and
     * token stores, Kafka, the projections' read-model classes, and the aggregates and sagas of the command side with
     * the classes an aggregate holds as its own state (its entities, such as a tenant's roster).
     */
    static final DescribedPredicate<JavaClass> PERSISTENCE_OR_AGGREGATES = resideInAnyPackage(
                    "java.sql..",
                    "javax.sql..",
                    "org.springframework.jdbc..",
                    "jakarta.persistence..",
                    "org.hibernate..",
                    "org.springframework.data..",
                    "org.springframework.kafka..",
                    "org.apache.kafka..",
                    "io.tenantry.projections..")
            .or(assignableTo(EventStorageEngine.class))
            .or(assignableTo(EventBus.class))
            .or(assignableTo(Repository.class))
            .or(assignableTo(SagaStore.class))
            .or(assignableTo(TokenStore.class))
            .or(DescribedPredicate.describe("aggregates", ArchitectureTest::isAggregateOrPartOfOne))
            .as("persistence (JDBC, JPA, event store or bus, repositories, saga or token stores, Kafka, "
                    + "read models) or aggregates");

    /**
     * "Controllers only talk to the command and query gateways", made exact. A controller parses, authorises, sends one
     * command or query and maps the answer (docs/architecture.md); it never reaches state itself. Two rules hold it:
     * <ol>
     * <li>No controller (nor a class nested in one) depends on {@link #PERSISTENCE_OR_AGGREGATES}: no JDBC, JPA,
     * event store, Axon repository, saga or token store, Kafka, projection class, aggregate, saga or aggregate part.
     * Reads go through the {@link QueryGateway} to a query handler, writes through the {@link CommandGateway} to an
     * aggregate.</li>
     * <li>What a controller holds (its instance fields, which is what Spring injects) is one of the two gateways or
     * one of {@link #CONTROLLER_COLLABORATORS}, each named there with the reason it is not a gateway call. A new kind
     * of
     * collaborator is a decision to make here, in the open.</li>
     * </ol>
     * The application services in that list may use a table of their own (a webhook's dedupe record, in the same
     * transaction as its command); the controllers that call them may not.
     */
    @ArchTest
    static final ArchRule controllersNeverReachPersistenceOrAggregates = noClasses()
            .that(CONTROLLERS)
            .should()
            .dependOnClassesThat(PERSISTENCE_OR_AGGREGATES)
            .because("controllers talk to the command and query gateways (and the named application services), "
                    + "never to where state is kept");

    /**
     * What controllers may hold besides the gateways, and why:
     * <ul>
     * <li>{@link TenantReadAccess}: the membership check of tenant-scoped reads (and the membership check endpoint),
     * one indexed read of the membership read model, the hottest read of the API, so not a round through the query
     * bus;</li>
     * <li>{@link EntitlementChecks}: the entitlement check services make before an action, as hot as the membership
     * check and read the same way (one indexed statement: access, plan, override and usage);</li>
     * <li>{@link AuditLogReads}: a tenant's audit log, whose export streams rows to the response as the database
     * gives them (any range, flat memory), which no query answer can;</li>
     * <li>{@link PlanCatalogue}, {@link LeadPolicy}, {@link InvitationPolicy}: configuration values (the plans, the
     * code and invitation lifetimes), no state;</li>
     * <li>{@link ObjectMapper}, {@link Validator}: web plumbing, to parse and validate each item of a bulk body on its
     * own;</li>
     * <li>{@link LeadMailer}, {@link InvitationMailer}, {@link LeadTokens}: they deliver one-time secrets (codes,
     * invitation links, lead tokens) that must reach the caller but never a command, an event or a log;</li>
     * <li>{@link IdentityProviderSetup}, {@link SubscriptionReconciliation}: they ask an outside system (Keycloak or
     * Auth0, Stripe) and record the outcome with a command;</li>
     * <li>{@link DomainVerification}: it looks for a domain's challenge outside the aggregate (DNS, HTTPS) and records
     * what it found with a command; it also makes the random challenge a new domain is added with;</li>
     * <li>{@link PlanChangePreviews}: it asks the subscription (by a command that changes nothing) and Stripe what a
     * plan change would cost, and records nothing: no query handler may call Stripe, which only the command side
     * knows;</li>
     * <li>{@link StripeNotices}, {@link StripeWebhooks}, {@link ProvisioningWebhooks}: they verify a signed webhook,
     * record its delivery once, and send its command.</li>
     * <li>{@link ProjectionAdmin}: operations on this process's event processors (status, reset and replay), not
     * a read of any model;</li>
     * <li>{@link LifecycleStream}, {@link DashboardProperties}: the live event stream, a long-lived connection fed from
     * the event store's catch-up feed, and its limits (configuration values);</li>
     * <li>{@link TokenExchange}, {@link SigningKeys}, {@link OAuthIssuer}: the token endpoint verifies the tokens it is
     * given and signs the one it answers with (the tenant decides by a command); the keys and the issuer are the
     * server's own credentials, published at the well-known addresses, not domain state;</li>
     * <li>{@link UsageIngest}: usage records are counted in SQL in one transaction per batch (each record once by its
     * id, the daily counters exact under concurrent batches), not by a command: an aggregate would serialise every
     * batch of a tenant, and thousands of records a second are no aggregate's events.</li>
     * <li>{@link WebhookDeliveries}: a resend or a replay makes deliveries due again in the deliveries' own table
     * (after a command that authorises it); deliveries are no aggregate's state, and a replay reads the event store
     * itself, as the processor that queued them did.</li>
     * </ul>
     */
    static final Set<Class<?>> CONTROLLER_COLLABORATORS = Set.of(
            CommandGateway.class,
            QueryGateway.class,
            TenantReadAccess.class,
            EntitlementChecks.class,
            AuditLogReads.class,
            PlanCatalogue.class,
            LeadPolicy.class,
            InvitationPolicy.class,
            ObjectMapper.class,
            Validator.class,
            LeadMailer.class,
            InvitationMailer.class,
            LeadTokens.class,
            IdentityProviderSetup.class,
            DomainVerification.class,
            SubscriptionReconciliation.class,
            PlanChangePreviews.class,
            StripeNotices.class,
            StripeWebhooks.class,
            ProvisioningWebhooks.class,
            ProjectionAdmin.class,
            LifecycleStream.class,
            DashboardProperties.class,
            TokenExchange.class,
            SigningKeys.class,
            OAuthIssuer.class,
            UsageIngest.class,
            WebhookDeliveries.class);

    @ArchTest
    static final ArchRule controllersHoldOnlyTheGatewaysAndNamedCollaborators = fields().that()
            .areDeclaredInClassesThat(DescribedPredicate.describe("controllers", ArchitectureTest::isController))
            .and()
            .areNotStatic()
            .should()
            .haveRawType(DescribedPredicate.describe(
                    "a gateway or a collaborator named in CONTROLLER_COLLABORATORS",
                    type -> CONTROLLER_COLLABORATORS.stream().anyMatch(allowed -> type.isEquivalentTo(allowed))))
            .allowEmptyShould(true);

    private static boolean isController(JavaClass type) {
        return type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class);
    }

    /**
     * An aggregate or saga, or one of our classes an aggregate keeps as a field of its state (an entity, the roster);
     * the messages and values of api-contracts (an aggregate's status enum) are everybody's and do not count.
     */
    static boolean isAggregateOrPartOfOne(JavaClass type) {
        return type.isAnnotatedWith(Aggregate.class)
                || type.isAnnotatedWith(Saga.class)
                || type.getPackageName().startsWith("io.tenantry.")
                        && !type.getPackageName().startsWith("io.tenantry.contracts")
                        && type.getFieldsWithTypeOfSelf().stream()
                                .anyMatch(field -> field.getOwner().isAnnotatedWith(Aggregate.class));
    }
}
