package io.tenantry.archfixture;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rule breakers (and one honest controller) of {@code ControllerRulesTest}. */
public final class Fixtures {

    private Fixtures() {}

    /** Reads a table itself. */
    @RestController
    public static class JdbcController {
        private final JdbcTemplate jdbc;

        JdbcController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/fixture/rows")
        List<Map<String, Object>> rows() {
            return jdbc.queryForList("select 1");
        }
    }

    /** Appends to the event store past the aggregates, taking it as a method argument rather than a field. */
    @RestController
    public static class EventStoreController {
        @PostMapping("/fixture/events")
        void append(EventStore events) {
            events.publish(List.of());
        }
    }

    /** Works on an aggregate's part directly. */
    @RestController
    public static class AggregateController {
        private final Ledger.Lines lines = new Ledger.Lines();

        @PostMapping("/fixture/lines")
        int add() {
            return lines.add();
        }
    }

    /** Holds something that is neither a gateway nor a named collaborator. */
    @RestController
    public static class CollaboratorController {
        private final StringBuilder scratch = new StringBuilder();

        @GetMapping("/fixture/scratch")
        String scratch() {
            return scratch.toString();
        }
    }

    /** Does it right: one command through the gateway. */
    @RestController
    public static class HonestController {
        private final CommandGateway commands;

        HonestController(CommandGateway commands) {
            this.commands = commands;
        }

        @PostMapping("/fixture/honest")
        Object send() {
            return commands.sendAndWait("a command");
        }
    }

    @Aggregate
    public static class Ledger {
        private final Lines lines = new Lines();

        /** An entity the ledger keeps as part of its state. */
        public static class Lines {
            private int count;

            int add() {
                return ++count;
            }
        }
    }
}
