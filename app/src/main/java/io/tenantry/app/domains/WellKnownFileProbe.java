package io.tenantry.app.domains;

import io.tenantry.command.domains.ChallengeProbe;
import io.tenantry.command.domains.ProbeResult;
import io.tenantry.command.webhook.PublicAddresses;
import io.tenantry.contracts.domains.DomainNames;
import io.tenantry.contracts.domains.VerificationMethod;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Looks for the challenge in the well-known file {@code https://<domain>/.well-known/tenantry-challenge.txt}: a 200
 * whose body, trimmed, is the challenge. The domain's address comes from the same resolver as the DNS check
 * ({@link DnsLookups}); only public addresses are connected to (no loopback, private, link-local or shared ranges, so
 * a tenant cannot make Tenantry call into its own network), through no proxy, with the platform's trust and hostname
 * verification, following no redirect, reading at most {@value #MAX_BODY} bytes, within the configured time-outs.
 * Where and with whose trust it fetches, tests aside, is fixed: {@link WellKnownFileAim}.
 */
final class WellKnownFileProbe implements ChallengeProbe {

    static final int MAX_BODY = 1024;

    private final OkHttpClient http;
    private final WellKnownFileAim aim;

    WellKnownFileProbe(DnsLookups dns, DomainProperties.Https timeouts, WellKnownFileAim aim) {
        this.aim = aim;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(timeouts.connectTimeout())
                .readTimeout(timeouts.readTimeout())
                .writeTimeout(timeouts.readTimeout())
                .callTimeout(timeouts.connectTimeout().plus(timeouts.readTimeout()))
                .dns(hostname -> addresses(dns, hostname));
        if (aim.socketFactory() != null && aim.trustManager() != null) {
            builder.sslSocketFactory(aim.socketFactory(), aim.trustManager());
        }
        this.http = builder.build();
    }

    @Override
    public VerificationMethod method() {
        return VerificationMethod.HTTPS;
    }

    @Override
    public ProbeResult probe(String domain, String expected) {
        HttpUrl url = new HttpUrl.Builder()
                .scheme("https")
                .host(domain)
                .port(aim.port())
                .encodedPath(DomainNames.WELL_KNOWN_PATH)
                .build();
        String lookedUp = "GET " + url;
        Request request = new Request.Builder()
                .url(url)
                .header("Accept", "text/plain")
                .header("User-Agent", "Tenantry domain verification")
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                return ProbeResult.failed(
                        method(), lookedUp, expected, List.of("HTTP " + response.code()), "unexpected_status");
            }
            String body = read(response.body());
            return body.strip().equals(expected)
                    ? ProbeResult.passed(method(), lookedUp, expected, List.of(expected))
                    : ProbeResult.failed(method(), lookedUp, expected, List.of(body.strip()), "content_mismatch");
        } catch (NotPublic e) {
            return ProbeResult.failed(method(), lookedUp, expected, List.of(e.getMessage()), "address_not_public");
        } catch (IOException | RuntimeException e) {
            return ProbeResult.failed(method(), lookedUp, expected, List.of(why(e)), "fetch_failed");
        }
    }

    /** What went wrong, in words (never a class name or a stack). */
    private static String why(Exception failure) {
        if (failure instanceof UnknownHostException) {
            return "no address";
        }
        if (failure instanceof java.io.InterruptedIOException) {
            return "timed out";
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "TLS handshake failed (certificate not trusted or not for this name)";
        }
        if (failure instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return "no answer";
    }

    private List<InetAddress> addresses(DnsLookups dns, String hostname) throws UnknownHostException {
        List<InetAddress> found = dns.addresses(hostname);
        if (found.isEmpty()) {
            throw new UnknownHostException(hostname + " has no address");
        }
        if (aim.allowPrivateAddresses()) {
            return found;
        }
        List<InetAddress> usable =
                found.stream().filter(WellKnownFileProbe::isPublic).toList();
        if (usable.isEmpty()) {
            throw new NotPublic(hostname + " has no public address");
        }
        return usable;
    }

    /** Whether an address is on the public internet (the webhooks' rule too). */
    static boolean isPublic(InetAddress address) {
        return PublicAddresses.isPublic(address);
    }

    private static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The domain points only at addresses that are not public. */
    static final class NotPublic extends UnknownHostException {
        NotPublic(String message) {
            super(message);
        }
    }
}
