package io.tenantry.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.bench.reliability.RecordedLoad.Command;
import io.tenantry.bench.reliability.RecordedLoad.Kind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The load's commands against the event store: each is found by what identifies it (a creation by its slug, a
 * member addition by its user, a plan change by its reason), so every command can be told applied or not, and
 * applied at most once.
 */
final class CommandCheck {

    private final Map<String, List<String>> created;
    private final Map<String, List<String>> added;
    private final Map<String, List<String>> planChanges;

    CommandCheck(
            Map<String, List<String>> created, Map<String, List<String>> added, Map<String, List<String>> planChanges) {
        this.created = created;
        this.added = added;
        this.planChanges = planChanges;
    }

    /** The store as it is now. */
    static CommandCheck read(EventStore store) throws SQLException {
        return new CommandCheck(store.createdBySlug(), store.memberAddsByUser(), store.planChangesByReason());
    }

    /** The events this command made (0, 1, or more if it was applied twice). */
    List<String> events(Command command) {
        Map<String, List<String>> index = switch (command.kind) {
            case CREATE -> created;
            case MEMBER_ADD -> added;
            case PLAN_CHANGE -> planChanges;
        };
        return index.getOrDefault(command.subject, List.of());
    }

    /**
     * Whether an acknowledged command's events are what its answer said: one creation of the tenant answered, one
     * member addition, one plan change when the answer says it changed (none for a change to the plan in force). A
     * retry that ran the command again (its first request had died holding the key, see Idempotency-Key in docs/api.md)
     * may find the first one applied: then the plan is already the one asked and its answer says unchanged.
     */
    static boolean storedAsAnswered(Command command, List<String> events) {
        Http.Answer answer = command.acknowledged() ? command.answer : command.retry;
        boolean ranAgain = !command.acknowledged() && command.retry != null && !command.retry.replayed();
        return switch (command.kind) {
            case CREATE -> events.size() == 1 && events.get(0).equals(command.tenant());
            case MEMBER_ADD -> events.size() == 1;
            case PLAN_CHANGE -> {
                JsonNode json = answer.json();
                boolean changed = json != null && json.path("changed").asBoolean(true);
                yield changed ? events.size() == 1 : events.isEmpty() || (ranAgain && events.size() == 1);
            }
        };
    }

    /**
     * The checks every scenario makes of its load: acknowledged → stored (as its answer said), nothing applied twice,
     * nothing stored that was refused or never delivered, no event the load did not ask for.
     */
    void verify(Report report, List<Command> commands, String run) {
        int acknowledged = 0;
        int stored = 0;
        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> refusedButStored = new ArrayList<>();
        List<String> neverDeliveredButStored = new ArrayList<>();
        int neverDelivered = 0;
        int refused = 0;
        int failedStored = 0;
        int failed = 0;
        int lost = 0;
        int lostStored = 0;
        for (Command command : commands) {
            List<String> events = events(command);
            if (events.size() > 1) {
                twice.add(command + " (" + events.size() + " events)");
            }
            boolean ack = command.acknowledged() || (command.retry != null && command.retry.ok());
            if (ack) {
                acknowledged++;
                if (storedAsAnswered(command, events)) {
                    stored++;
                } else {
                    missing.add(command + " (its events: tenants " + events + ")");
                }
            } else if (command.neverDelivered()) {
                neverDelivered++;
                if (!events.isEmpty()) {
                    neverDeliveredButStored.add(command.toString());
                }
            } else if (command.lost()) {
                lost++;
                if (!events.isEmpty()) {
                    lostStored++;
                }
            } else if (command.answer.status() < 500) {
                refused++;
                if (!events.isEmpty()) {
                    refusedButStored.add(command.toString());
                }
            } else {
                failed++;
                if (!events.isEmpty()) {
                    failedStored++;
                }
            }
        }
        report.count(String.format(
                Locale.ROOT,
                "acknowledged (2xx, first answer or retry) %d -> stored as answered %d",
                acknowledged,
                stored));
        report.count(String.format(
                Locale.ROOT,
                "refused (4xx) %d -> stored %d; 5xx %d -> stored anyway %d",
                refused,
                refusedButStored.size(),
                failed,
                failedStored));
        report.count(String.format(
                Locale.ROOT,
                "no answer and no acknowledged retry %d -> stored %d; never delivered "
                        + "(connection refused, so not retried) %d -> stored %d",
                lost,
                lostStored,
                neverDelivered,
                neverDeliveredButStored.size()));
        report.check("every acknowledged command is in the event store", missing.isEmpty(), first(missing));
        report.check("no command applied twice", twice.isEmpty(), first(twice));
        report.check("no event for a refused command", refusedButStored.isEmpty(), first(refusedButStored));
        report.check(
                "no event for a command that never reached the app and was not retried",
                neverDeliveredButStored.isEmpty(),
                first(neverDeliveredButStored));

        // the other way round: every event of this run's kind comes from a command the load sent
        Set<String> slugs = new HashSet<>();
        Set<String> users = new HashSet<>();
        Set<String> reasons = new HashSet<>();
        for (Command command : commands) {
            (command.kind == Kind.CREATE ? slugs : command.kind == Kind.MEMBER_ADD ? users : reasons)
                    .add(command.subject);
        }
        List<String> phantoms = new ArrayList<>();
        created.keySet().stream()
                .filter(slug -> slug.startsWith("r" + run + "-") && !slugs.contains(slug))
                .forEach(slug -> phantoms.add("tenant " + slug));
        added.keySet().stream()
                .filter(user -> user.startsWith("u-rel-" + run + "-") && !users.contains(user))
                .forEach(user -> phantoms.add("member " + user));
        planChanges.keySet().stream()
                .filter(reason -> reason.startsWith("reliability rel-" + run + "-") && !reasons.contains(reason))
                .forEach(reason -> phantoms.add("plan change " + reason));
        report.check("no event the load did not ask for", phantoms.isEmpty(), first(phantoms));
    }

    static String first(List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        return problems.size() + ", e.g. " + problems.get(0);
    }
}
