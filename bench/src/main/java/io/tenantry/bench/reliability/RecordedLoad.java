package io.tenantry.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.bench.OwnTenant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A mixed write load (tenant creations 25 %, member additions 55 %, plan changes 20 %, as the bench's CommandLoad)
 * plus optional reads, that records every command it sends: its Idempotency-Key, the exact body (a retry must send
 * the same bytes), what it is about (the slug, the user, the plan change's unique reason) and how it ended
 * (acknowledged, refused, failed, lost or never delivered). Each client works on its own tenants, so no two clients
 * write one aggregate. Closed loop, or paced at a fixed rate shared by all clients.
 */
final class RecordedLoad {

    enum Kind {
        CREATE,
        MEMBER_ADD,
        PLAN_CHANGE
    }

    /** One command as sent, and its first answer. */
    static final class Command {
        final String key;
        final Kind kind;
        final String method;
        final String path;
        final String body;
        /** The tenant written to (null for a creation: the app chooses the id). */
        final String tenantId;
        /** What makes this command recognisable in the event store: the slug, the user added, the unique reason. */
        final String subject;

        final String phase;
        volatile Http.Answer answer;
        /** The answer of the last retry, if retried. */
        volatile Http.Answer retry;

        Command(
                String key,
                Kind kind,
                String method,
                String path,
                String body,
                String tenantId,
                String subject,
                String phase) {
            this.key = key;
            this.kind = kind;
            this.method = method;
            this.path = path;
            this.body = body;
            this.tenantId = tenantId;
            this.subject = subject;
            this.phase = phase;
        }

        boolean acknowledged() {
            return answer != null && answer.ok();
        }

        /** Whether the request went out and no answer came: it may or may not have happened. */
        boolean lost() {
            return answer != null && answer.delivery() == Http.Delivery.LOST;
        }

        boolean neverDelivered() {
            return answer != null && answer.delivery() == Http.Delivery.REFUSED;
        }

        /** The tenant this command is about: for a creation, the id its answer (or its retry's) gave. */
        String tenant() {
            if (tenantId != null) {
                return tenantId;
            }
            for (Http.Answer a : new Http.Answer[] {answer, retry}) {
                if (a != null && a.ok() && a.json() != null && a.json().hasNonNull("id")) {
                    return a.json().path("id").asText();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return kind + " " + method + " " + path + " key " + key + " -> " + answer
                    + (retry == null ? "" : "; retried -> " + retry);
        }
    }

    private static final int MAX_MEMBERS = 20;

    private final Http http;
    private final String token;
    private final int clients;
    private final double perSecond;
    private final double readShare;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final Answers answers = new Answers();
    private final AtomicLong slot = new AtomicLong();
    private final LongAdder reads = new LongAdder();
    private final LongAdder probes = new LongAdder();
    private volatile String phase = "load";
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private long startedAt;
    private long stoppedAt;

    /**
     * @param perSecond 0 for closed-loop clients (each sends its next request when the last one is answered),
     *                  else the rate of all requests together (writes and reads)
     * @param readShare the share of requests that are reads (a tenant or its members), 0 for writes only
     */
    RecordedLoad(Http http, String token, int clients, double perSecond, double readShare) {
        this.http = http;
        this.token = token;
        this.clients = clients;
        this.perSecond = perSecond;
        this.readShare = readShare;
    }

    /** Answers sent from now on are counted under {@code phase} (before, outage, after...). */
    void phase(String phase) {
        this.phase = phase;
    }

    synchronized void start() {
        running = true;
        startedAt = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> client(client), "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    synchronized void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        }
        stoppedAt = System.nanoTime();
    }

    /** This load's id: in every key, slug, user and reason it makes. */
    String run() {
        return run;
    }

    List<Command> commands() {
        return List.copyOf(commands);
    }

    Answers answers() {
        return answers;
    }

    /** The reads the load chose to make (paced with the writes). */
    long reads() {
        return reads.sum();
    }

    /** The asks whether a new tenant's subscription is there yet (not paced: they come with the writes). */
    long probes() {
        return probes.sum();
    }

    double seconds() {
        return ((stoppedAt == 0 ? System.nanoTime() : stoppedAt) - startedAt) / 1e9;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%d clients, %s, %s; mix: create 25 %%, member add 55 %%, plan change 20 %%",
                clients,
                perSecond > 0
                        ? String.format(Locale.ROOT, "paced at %.0f requests/s", perSecond)
                        : "closed loop (each client sends when answered)",
                readShare > 0 ? String.format(Locale.ROOT, "%.0f %% reads", readShare * 100) : "writes only");
    }

    /** How many commands of each kind went out and how they ended, one line per kind. */
    String summary() {
        Map<Kind, long[]> byKind = new EnumMap<>(Kind.class);
        for (Command command : commands) {
            long[] counts = byKind.computeIfAbsent(command.kind, k -> new long[5]);
            Http.Answer a = command.answer;
            if (a.delivery() == Http.Delivery.REFUSED) {
                counts[4]++;
                continue;
            }
            counts[0]++;
            if (a.ok()) {
                counts[1]++;
            } else if (a.delivery() == Http.Delivery.ANSWERED) {
                counts[2]++;
            } else {
                counts[3]++;
            }
        }
        StringBuilder lines = new StringBuilder();
        long sent = 0;
        long undelivered = 0;
        for (Map.Entry<Kind, long[]> entry : byKind.entrySet()) {
            long[] c = entry.getValue();
            sent += c[0];
            undelivered += c[4];
            lines.append(String.format(
                    Locale.ROOT,
                    "%n  %-12s sent %6d: acknowledged %6d, refused or failed %5d, no answer %4d" + "%s",
                    entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4] == 0 ? "" : String.format(Locale.ROOT, "; not delivered (connection refused) %d", c[4])));
        }
        return String.format(
                        Locale.ROOT,
                        "%d commands sent in %.0f s (%.1f/s)%s, %d reads and %d subscription probes",
                        sent,
                        seconds(),
                        sent / Math.max(1, seconds()),
                        undelivered == 0
                                ? ""
                                : String.format(Locale.ROOT, ", %d more not delivered (the app was down)", undelivered),
                        reads(),
                        probes())
                + lines;
    }

    private void client(int client) {
        Random random = new Random(client * 7919L + run.hashCode());
        List<OwnTenant> tenants = new ArrayList<>();
        int sequence = 0;
        while (running) {
            pace();
            if (!running) {
                return;
            }
            OwnTenant target = tenants.isEmpty() ? null : tenants.get(random.nextInt(tenants.size()));
            Http.Answer answer;
            if (target != null && random.nextDouble() < readShare) {
                answer = read(random, target);
            } else {
                if (target != null && target.probeSubscription()) {
                    // the subscription is started by a saga after the create: plan changes only where it is
                    Http.Answer subscription = http.get("/api/tenants/" + target.id + "/subscription", token);
                    if (subscription.delivery() == Http.Delivery.REFUSED) {
                        sleep(500); // the app is not there: do not spin
                        continue;
                    }
                    // counted apart: a 404 here only says the saga has not started the subscription yet
                    answers.count("sub-probe", phase, subscription);
                    probes.increment();
                    target.subscriptionReady = subscription.status() == 200;
                }
                String key = "rel-" + run + "-" + client + "-" + sequence++;
                double dice = random.nextDouble();
                Command command;
                if (target == null || dice < 0.25 || (dice < 0.80 && target.members >= MAX_MEMBERS)) {
                    String slug = "r" + run + "-" + client + "-" + sequence;
                    command = new Command(
                            key,
                            Kind.CREATE,
                            "POST",
                            "/api/tenants",
                            Http.json(Map.of(
                                    "name", "Reliability " + slug, "slug", slug, "tier", "POOLED", "planId", "team")),
                            null,
                            slug,
                            phase);
                } else if (dice < 0.80 || !target.subscriptionReady) {
                    String user = "u-" + key;
                    command = new Command(
                            key,
                            Kind.MEMBER_ADD,
                            "POST",
                            "/api/tenants/" + target.id + "/members",
                            Http.json(Map.of("userId", user, "role", "MEMBER")),
                            target.id,
                            user,
                            phase);
                } else {
                    String plan = target.plan.equals("team") ? "business" : "team";
                    String reason = "reliability " + key;
                    command = new Command(
                            key,
                            Kind.PLAN_CHANGE,
                            "PUT",
                            "/api/tenants/" + target.id + "/subscription/plan",
                            Http.json(Map.of("planId", plan, "reason", reason)),
                            target.id,
                            reason,
                            phase);
                }
                answer = http.send(command.method, command.path, token, command.body, command.key);
                command.answer = answer;
                commands.add(command);
                answers.count(command.kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), command.phase, answer);
                if (answer.ok()) {
                    JsonNode json = answer.json();
                    switch (command.kind) {
                        case CREATE -> tenants.add(new OwnTenant(json.path("id").asText()));
                        case MEMBER_ADD -> target.members++;
                        case PLAN_CHANGE -> target.plan = json.path("toPlanId").asText(target.plan);
                    }
                }
            }
            if (answer.delivery() == Http.Delivery.REFUSED) {
                sleep(500); // the app is not there: do not spin
            }
        }
    }

    private Http.Answer read(Random random, OwnTenant target) {
        String path = random.nextBoolean() ? "/api/tenants/" + target.id : "/api/tenants/" + target.id + "/members";
        Http.Answer answer = http.get(path, token);
        if (answer.delivery() != Http.Delivery.REFUSED) {
            reads.increment();
            answers.count("read", phase, answer);
        }
        return answer;
    }

    private void pace() {
        if (perSecond <= 0) {
            return;
        }
        long due = startedAt + (long) (slot.getAndIncrement() * (1e9 / perSecond));
        long wait = due - System.nanoTime();
        if (wait > 0) {
            sleep(TimeUnit.NANOSECONDS.toMillis(wait));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every answer counted by phase, kind and status (or how it failed to come), with the answers that broke the
     * rules of an error answer: a 5xx other than 503, an error that is not problem+json, a body with internals.
     */
    static final class Answers {

        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> violations = new ConcurrentHashMap<>();
        private final Map<String, String> examples = new ConcurrentHashMap<>();

        void count(String kind, String phase, Http.Answer answer) {
            String outcome = answer.delivery() == Http.Delivery.ANSWERED
                    ? Integer.toString(answer.status())
                    : answer.delivery() == Http.Delivery.REFUSED ? "refused" : "lost";
            counts.computeIfAbsent(phase + "|" + kind + "|" + outcome, k -> new LongAdder())
                    .increment();
            String violation = violation(answer);
            if (violation != null) {
                violations
                        .computeIfAbsent(phase + "|" + violation, k -> new LongAdder())
                        .increment();
                examples.putIfAbsent(violation, kind + ": " + answer);
            }
        }

        static String violation(Http.Answer answer) {
            if (answer.delivery() != Http.Delivery.ANSWERED || answer.status() / 100 == 2) {
                return null;
            }
            if (answer.status() >= 500 && answer.status() != 503) {
                return answer.status() + " answer";
            }
            if (!answer.problemJson()) {
                return answer.status() + " not problem+json (" + answer.contentType() + ")";
            }
            if (answer.leaksInternals()) {
                return answer.status() + " with internals in its body";
            }
            return null;
        }

        long violations() {
            return violations.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long count(String phase, String kind, String outcome) {
            LongAdder adder = counts.get(phase + "|" + kind + "|" + outcome);
            return adder == null ? 0 : adder.sum();
        }

        /** Per phase, per kind: status=count, ... */
        String table() {
            Map<String, Map<String, Map<String, Long>>> tree = new TreeMap<>();
            counts.forEach((key, adder) -> {
                String[] parts = key.split("\\|");
                tree.computeIfAbsent(parts[0], p -> new TreeMap<>())
                        .computeIfAbsent(parts[1], k -> new TreeMap<>())
                        .put(parts[2], adder.sum());
            });
            StringBuilder text = new StringBuilder();
            tree.forEach((phase, kinds) -> {
                text.append(String.format(Locale.ROOT, "    %s:%n", phase));
                kinds.forEach((kind, statuses) -> text.append(String.format(
                        Locale.ROOT,
                        "      %-12s %s%n",
                        kind,
                        statuses.toString().replaceAll("[{}]", ""))));
            });
            if (!violations.isEmpty()) {
                text.append("    answers that break the error rules:\n");
                violations.forEach((key, adder) -> text.append("      ")
                        .append(key.replace('|', ' '))
                        .append(": ")
                        .append(adder.sum())
                        .append('\n'));
                examples.forEach((violation, example) -> text.append("      e.g. ")
                        .append(violation)
                        .append(": ")
                        .append(example)
                        .append('\n'));
            }
            return text.toString();
        }
    }
}
