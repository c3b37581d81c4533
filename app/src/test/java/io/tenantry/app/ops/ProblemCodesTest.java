package io.tenantry.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.contracts.DomainRefusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** {@link ProblemCodes} lists every code the main sources of every module give a problem, under its status. */
class ProblemCodesTest {

    private static final Map<String, Integer> FACTORIES = Map.of(
            "invalid",
            400,
            "unauthorized",
            401,
            "forbidden",
            403,
            "notFound",
            404,
            "conflict",
            409,
            "preconditionFailed",
            412,
            "unprocessable",
            422);
    private static final Pattern FACTORY = Pattern.compile("DomainRefusal\\.(\\w+)\\(\\s*\"([a-z_]+)\"");
    private static final Pattern KIND = Pattern.compile("Kind\\.(\\w+),\\s*\"([a-z_]+)\"");
    private static final Pattern HTTP_STATUS = Pattern.compile("HttpStatus\\.(\\w+),\\s*\"([a-z_]+)\"");

    @Test
    void listsEveryCodeTheSourcesAnswerWith() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            files.filter(file ->
                            file.toString().endsWith(".java") && file.toString().contains("/src/main/java/"))
                    .map(ProblemCodesTest::read)
                    .forEach(source -> found.addAll(codes(source)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(found).as("status code pairs found in the sources").hasSizeGreaterThan(80);
        assertThat(found).allSatisfy(pair -> {
            int status = Integer.parseInt(pair.substring(0, 3));
            assertThat(ProblemCodes.BY_STATUS.getOrDefault(status, List.of()))
                    .as("ProblemCodes lists %s", pair)
                    .contains(pair.substring(4));
        });
    }

    @Test
    void readsEachWayASourceGivesACode() {
        assertThat(codes("""
                throw DomainRefusal.conflict("slug_taken", "taken");
                new DomainRefusal(DomainRefusal.Kind.PRECONDITION_FAILED, "version_mismatch", "stale");
                Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "billing_unavailable", title, detail);
                """)).containsExactly("409 slug_taken", "412 version_mismatch", "503 billing_unavailable");
    }

    private static List<String> codes(String source) {
        List<String> codes = new ArrayList<>();
        Matcher factory = FACTORY.matcher(source);
        while (factory.find()) {
            codes.add(FACTORIES.get(factory.group(1)) + " " + factory.group(2));
        }
        Matcher kind = KIND.matcher(source);
        while (kind.find()) {
            codes.add(DomainRefusal.Kind.valueOf(kind.group(1)).status() + " " + kind.group(2));
        }
        Matcher status = HTTP_STATUS.matcher(source);
        while (status.find()) {
            codes.add(HttpStatus.valueOf(status.group(1)).value() + " " + status.group(2));
        }
        return codes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
