package io.tenantry.app.test;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tenantry.app.domains.WellKnownFileAim;
import io.tenantry.contracts.domains.DomainNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Where domain verification looks in tests, once per JVM: a real DNS server on loopback, Debian's {@code dnsmasq}
 * (started when a test first publishes a record and restarted with every change, since it reads its records at start;
 * a test that needs it fails without it when {@code CI=true}, else is skipped: {@link #requireDns()}), and a real HTTPS
 * server on loopback (the JDK's) serving {@code /.well-known/tenantry-challenge.txt} by the {@code Host} it is asked
 * for, with a self-signed certificate for {@code *.example.com} made by the JDK's {@code keytool}. Every test context
 * is pointed at both (registered in META-INF/spring.factories): {@code tenantry.domains.dns.resolver} at dnsmasq's port
 * (which nothing else takes meanwhile), and a {@link WellKnownFileAim} bean at the HTTPS server's port, trusting its
 * certificate and loopback addresses, as only a test does. Test domains are names under {@code example.com}.
 */
public final class ChallengeServers {

    private static final Path DNSMASQ = Path.of(System.getProperty("tenantry.test.dnsmasq", "/usr/sbin/dnsmasq"));
    private static final Path WORK = Path.of("target", "challenge-servers");
    private static final String READY = "ready.tenantry-test.example.com";
    private static final String PASSWORD = "tenantry-test";

    private static final int DNS_PORT = freePort();
    private static final Map<String, List<String>> TXT = new TreeMap<>();
    private static final List<String> ADDRESSES = new ArrayList<>();
    private static final Map<String, String> FILES = new ConcurrentHashMap<>();
    private static Process dnsmasq;
    private static HttpsServer https;
    private static WellKnownFileAim aim;

    private ChallengeServers() {}

    /**
     * The DNS server, running: in CI a missing dnsmasq is a failure; elsewhere the test is skipped.
     */
    public static void requireDns() {
        requireDnsmasq();
        synchronized (TXT) {
            if (dnsmasq == null) {
                restartDns();
            }
        }
    }

    private static void requireDnsmasq() {
        RequiredTools.require(
                Files.isExecutable(DNSMASQ),
                "no dnsmasq: apt-get install dnsmasq (or set tenantry.test.dnsmasq to one of your own)");
    }

    /** Publishes the challenge of {@code domain} as a TXT record at {@code _tenantry-challenge.<domain>}. */
    public static void publishTxt(String domain, String value) {
        synchronized (TXT) {
            TXT.computeIfAbsent(DomainNames.challengeName(domain), name -> new ArrayList<>())
                    .add(value);
            restartDns();
        }
    }

    /** Takes every TXT record at {@code _tenantry-challenge.<domain>} away. */
    public static void withdrawTxt(String domain) {
        synchronized (TXT) {
            TXT.remove(DomainNames.challengeName(domain));
            restartDns();
        }
    }

    /** Serves {@code content} as the domain's well-known file, and points the domain at the loopback address. */
    public static void serveFile(String domain, String content) {
        FILES.put(domain, content);
        synchronized (TXT) {
            if (!ADDRESSES.contains(domain)) {
                ADDRESSES.add(domain);
                restartDns();
            }
        }
    }

    /** The well-known file of {@code domain} answers 404 from now on. */
    public static void withdrawFile(String domain) {
        FILES.remove(domain);
    }

    private static void restartDns() {
        requireDnsmasq();
        stopDns();
        List<String> command = new ArrayList<>(List.of(
                DNSMASQ.toString(),
                "--keep-in-foreground",
                "--conf-file=/dev/null",
                "--no-resolv",
                "--no-hosts",
                "--pid-file=",
                "--log-facility=-",
                "--listen-address=127.0.0.1",
                "--bind-interfaces",
                "--port=" + DNS_PORT,
                // names it has no record for: NXDOMAIN (no such name), as an authoritative server answers
                "--local=/#/",
                "--txt-record=" + READY + ",ready"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        TXT.forEach((name, values) -> values.forEach(value -> command.add("--txt-record=" + name + "," + value)));
        ADDRESSES.forEach(name -> command.add("--host-record=" + name + ",127.0.0.1"));
        try {
            Files.createDirectories(WORK);
            dnsmasq = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            WORK.resolve("dnsmasq.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("dnsmasq did not start", e);
        }
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(ChallengeServers::dnsAnswers);
    }

    private static boolean dnsAnswers() {
        if (!dnsmasq.isAlive()) {
            throw new IllegalStateException(
                    "dnsmasq exited with " + dnsmasq.exitValue() + "; see " + WORK.resolve("dnsmasq.log"));
        }
        try {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", DNS_PORT));
            resolver.setTimeout(Duration.ofMillis(200));
            Lookup lookup = new Lookup(Name.fromString(READY, Name.root), Type.TXT);
            lookup.setResolver(resolver);
            lookup.setCache(null);
            lookup.run();
            return lookup.getResult() == Lookup.SUCCESSFUL;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stopDns() {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            try {
                if (!dnsmasq.waitFor(5, TimeUnit.SECONDS)) {
                    dnsmasq.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dnsmasq = null;
        }
    }

    /** The HTTPS server and the aim at it, made once. */
    private static synchronized WellKnownFileAim aim() {
        if (aim == null) {
            try {
                KeyStore keys = certificate();
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, PASSWORD.toCharArray());
                SSLContext server = SSLContext.getInstance("TLS");
                server.init(keyManagers.getKeyManagers(), null, null);
                https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(server));
                https.createContext(DomainNames.WELL_KNOWN_PATH, ChallengeServers::answer);
                https.start();

                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                Certificate certificate = keys.getCertificate("test");
                trusted.setCertificateEntry("test", certificate);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
                X509TrustManager trustManager = (X509TrustManager) trust.getTrustManagers()[0];
                SSLContext client = SSLContext.getInstance("TLS");
                client.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
                aim = new WellKnownFileAim(https.getAddress().getPort(), client.getSocketFactory(), trustManager, true);
                Runtime.getRuntime().addShutdownHook(new Thread(ChallengeServers::stop, "challenge-servers-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("the test HTTPS server did not start", e);
            }
        }
        return aim;
    }

    private static void stop() {
        synchronized (TXT) {
            stopDns();
        }
        if (https != null) {
            https.stop(0);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            String domain = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
            String content = FILES.get(domain);
            byte[] body = (content == null ? "no challenge here" : content).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(content == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A self-signed certificate for {@code *.example.com}, made by the JDK's keytool. */
    private static KeyStore certificate() throws Exception {
        Files.createDirectories(WORK);
        Path store = WORK.resolve("https.p12");
        Files.deleteIfExists(store);
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "test",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=tenantry-test",
                        "-ext",
                        "san=dns:*.example.com,dns:example.com",
                        "-validity",
                        "2",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("keytool.log").toFile())
                .start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed; see " + WORK.resolve("keytool.log"));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }

    /** A port free for both UDP and TCP on loopback now (dnsmasq takes both). */
    private static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), tcp.getLocalPort()))) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // the UDP side was taken: another port
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on loopback");
    }

    /** Points every test context at both servers (META-INF/spring.factories). */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "challenge-servers",
                            Map.of(
                                    "tenantry.domains.dns.resolver",
                                    "127.0.0.1:" + DNS_PORT,
                                    "tenantry.domains.dns.timeout",
                                    "2s")));
            context.getBeanFactory().registerSingleton("wellKnownFileAim", aim());
        }
    }
}
