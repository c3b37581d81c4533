package io.tenantry.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.bench.reliability.RecordedLoad.Command;
import io.tenantry.bench.reliability.RecordedLoad.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reliability battery calls a PASS or a FAIL of a load against the event store. */
class CommandCheckTest {

    private static final String RUN = "7";

    private final Map<String, List<String>> created = new HashMap<>();
    private final Map<String, List<String>> added = new HashMap<>();
    private final Map<String, List<String>> planChanges = new HashMap<>();
    private final List<Command> commands = new ArrayList<>();

    @Test
    void passesWhenEveryAcknowledgedCommandIsStoredOnce() {
        create("r7-a", ok("{\"id\":\"t-a\"}"), "t-a");
        addMember("t-a", "u-rel-7-1", ok("{}"), "t-a");
        changePlan("t-a", "reliability rel-7-2", ok("{\"changed\":true}"), "t-a");
        changePlan("t-a", "reliability rel-7-3", ok("{\"changed\":false}"));
        addMember("t-a", "u-rel-7-4", answered(409));

        assertThat(verify()).allMatch(line -> line.startsWith("PASS"));
    }

    @Test
    void failsWhenAnAcknowledgedCommandIsMissing() {
        addMember("t-a", "u-rel-7-1", ok("{}"));

        assertThat(verify()).contains("FAIL every acknowledged command is in the event store");
    }

    @Test
    void failsWhenACommandIsAppliedTwice() {
        addMember("t-a", "u-rel-7-1", ok("{}"), "t-a", "t-a");

        assertThat(verify()).contains("FAIL no command applied twice");
    }

    @Test
    void failsWhenARefusedOrNeverDeliveredCommandLeftAnEvent() {
        addMember("t-a", "u-rel-7-1", answered(409), "t-a");
        addMember("t-a", "u-rel-7-2", new Http.Answer(Http.Delivery.REFUSED, 0, null, null, false, "refused"), "t-a");

        assertThat(verify())
                .contains(
                        "FAIL no event for a refused command",
                        "FAIL no event for a command that never reached the app and was not retried");
    }

    @Test
    void failsOnAnEventNoCommandAskedFor() {
        created.put("r7-ghost", List.of("t-ghost"));
        created.put("r8-other-run", List.of("t-other"));

        assertThat(verify()).contains("FAIL no event the load did not ask for");
    }

    @Test
    void takesALostCommandEitherWayButAnAcknowledgedRetryMustBeStored() {
        Command lost = addMember("t-a", "u-rel-7-1", lost(), "t-a");
        Command retried = addMember("t-a", "u-rel-7-2", lost());
        retried.retry = ok("{}");

        assertThat(lost.lost()).isTrue();
        assertThat(verify()).contains("FAIL every acknowledged command is in the event store");
        added.put("u-rel-7-2", List.of("t-a"));
        commands.clear();
        commands.add(lost);
        commands.add(retried);
        assertThat(verify()).allMatch(line -> line.startsWith("PASS"));
    }

    private List<String> verify() {
        Report report = new Report("test", "test");
        new CommandCheck(created, added, planChanges).verify(report, commands, RUN);
        return report.text()
                .lines()
                .map(String::strip)
                .filter(line -> line.matches("(PASS|FAIL) .*"))
                .map(line -> line.replaceFirst(": .*", ""))
                .toList();
    }

    private void create(String slug, Http.Answer answer, String... stored) {
        record(
                new Command("k-" + slug, Kind.CREATE, "POST", "/api/tenants", "{}", null, slug, "1"),
                answer,
                created,
                stored);
    }

    private Command addMember(String tenant, String user, Http.Answer answer, String... stored) {
        return record(
                new Command(
                        "k-" + user,
                        Kind.MEMBER_ADD,
                        "POST",
                        "/api/tenants/" + tenant + "/members",
                        "{}",
                        tenant,
                        user,
                        "1"),
                answer,
                added,
                stored);
    }

    private void changePlan(String tenant, String reason, Http.Answer answer, String... stored) {
        record(
                new Command(
                        "k-" + reason,
                        Kind.PLAN_CHANGE,
                        "PUT",
                        "/api/tenants/" + tenant + "/subscription/plan",
                        "{}",
                        tenant,
                        reason,
                        "1"),
                answer,
                planChanges,
                stored);
    }

    private Command record(Command command, Http.Answer answer, Map<String, List<String>> index, String... stored) {
        command.answer = answer;
        commands.add(command);
        if (stored.length > 0) {
            index.put(command.subject, List.of(stored));
        }
        return command;
    }

    private static Http.Answer ok(String body) {
        return new Http.Answer(Http.Delivery.ANSWERED, 200, "application/json", body, false, null);
    }

    private static Http.Answer answered(int status) {
        return new Http.Answer(Http.Delivery.ANSWERED, status, "application/problem+json", "{}", false, null);
    }

    private static Http.Answer lost() {
        return new Http.Answer(Http.Delivery.LOST, 0, null, null, false, "timed out");
    }
}
