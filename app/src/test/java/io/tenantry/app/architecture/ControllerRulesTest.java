package io.tenantry.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.tenantry.archfixture.Fixtures;
import org.junit.jupiter.api.Test;

/** The controller rules of {@link ArchitectureTest} catch what they are meant to, and pass an honest controller. */
class ControllerRulesTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("io.tenantry.archfixture");

    private static boolean breaks(ArchRule rule, Class<?> controller) {
        return rule.evaluate(FIXTURES).getFailureReport().getDetails().stream()
                .anyMatch(line -> line.contains(controller.getName()));
    }

    @Test
    void aControllerMayNotReachTablesTheEventStoreOrAggregates() {
        ArchRule rule = ArchitectureTest.controllersNeverReachPersistenceOrAggregates;
        assertThat(breaks(rule, Fixtures.JdbcController.class)).isTrue();
        assertThat(breaks(rule, Fixtures.EventStoreController.class)).isTrue();
        assertThat(breaks(rule, Fixtures.AggregateController.class)).isTrue();
        assertThat(breaks(rule, Fixtures.HonestController.class)).isFalse();
    }

    @Test
    void aControllerHoldsOnlyTheGatewaysAndTheNamedCollaborators() {
        ArchRule rule = ArchitectureTest.controllersHoldOnlyTheGatewaysAndNamedCollaborators;
        assertThat(breaks(rule, Fixtures.JdbcController.class)).isTrue();
        assertThat(breaks(rule, Fixtures.CollaboratorController.class)).isTrue();
        assertThat(breaks(rule, Fixtures.HonestController.class)).isFalse();
    }
}
