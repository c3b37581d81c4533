package io.tenantry.app.test;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail), started once, on a free port. Every test context is pointed at it
 * ({@code spring.mail.host/port}) by {@link Customizer}, registered in META-INF/spring.factories, so the context
 * stays one and shared.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        }
        return server;
    }

    /** Waits for the (first) message to this address. */
    public static MimeMessage awaitMessageTo(String address) {
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> messagesTo(address).stream().findFirst().orElse(null), message -> message != null);
    }

    /** Waits for the first message to this address whose subject starts so. */
    public static MimeMessage awaitMessageTo(String address, String subjectStart) {
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> messagesTo(address).stream()
                                .filter(message -> subjectStarts(message, subjectStart))
                                .findFirst()
                                .orElse(null),
                        message -> message != null);
    }

    private static boolean subjectStarts(MimeMessage message, String start) {
        try {
            return message.getSubject() != null && message.getSubject().startsWith(start);
        } catch (Exception e) {
            return false;
        }
    }

    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(to -> to.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Points a test context at the in-JVM SMTP server. */
    public static final class Factory extends PropertiesFirst {
        @Override
        protected String name() {
            return "testMail";
        }

        @Override
        protected Map<String, Object> properties() {
            return Map.of(
                    "spring.mail.host",
                    "127.0.0.1",
                    "spring.mail.port",
                    server().getSmtp().getPort());
        }
    }
}
