package io.tenantry.app.domains;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS lookups with dnsjava against one resolver: the configured one ({@code tenantry.domains.dns.resolver}), else the
 * system's (dnsjava reads its servers from {@code /etc/resolv.conf} or the platform's configuration). Nothing is cached
 * between lookups: every check sees the zone as it is now. Each query waits at most the configured time-out.
 */
final class DnsLookups {

    /** What a lookup came to: records found (their values), no such name or record, or no answer. */
    record Answer(Outcome outcome, List<String> values, String error) {}

    enum Outcome {
        FOUND,
        NOT_FOUND,
        FAILED
    }

    private final Resolver resolver;
    private final String description;

    private DnsLookups(Resolver resolver, String description) {
        this.resolver = resolver;
        this.description = description;
    }

    /** A resolver at {@code address} ({@code host}, {@code host:port}, {@code [v6]:port}), or the system's. */
    static DnsLookups of(String address, Duration timeout) {
        if (address == null) {
            ExtendedResolver system = new ExtendedResolver();
            system.setTimeout(timeout);
            system.setRetries(1);
            return new DnsLookups(system, "the system's resolver");
        }
        InetSocketAddress server = parse(address);
        SimpleResolver simple = new SimpleResolver(server);
        simple.setTimeout(timeout);
        return new DnsLookups(simple, "the resolver at " + address);
    }

    String description() {
        return description;
    }

    /** The TXT records at {@code name}, each one's strings joined (as long values are split into several). */
    Answer txt(String name) {
        Found found = lookup(name, Type.TXT);
        return new Answer(
                found.outcome(),
                found.records().stream()
                        .map(record -> String.join("", ((TXTRecord) record).getStrings()))
                        .toList(),
                found.error());
    }

    /** The IPv4 and IPv6 addresses of {@code name}; none when it has none or the resolver does not answer. */
    List<InetAddress> addresses(String name) {
        List<InetAddress> addresses = new ArrayList<>();
        lookup(name, Type.A).records().forEach(record -> addresses.add(((ARecord) record).getAddress()));
        lookup(name, Type.AAAA).records().forEach(record -> addresses.add(((AAAARecord) record).getAddress()));
        return addresses;
    }

    private record Found(Outcome outcome, List<Record> records, String error) {}

    private Found lookup(String name, int type) {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(name, Name.root), type);
        } catch (TextParseException e) {
            return new Found(Outcome.FAILED, List.of(), "not a DNS name");
        }
        lookup.setResolver(resolver);
        lookup.setCache(null);
        Record[] records = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL ->
                new Found(
                        Outcome.FOUND,
                        records == null
                                ? List.of()
                                : Arrays.stream(records)
                                        .filter(record -> record.getType() == type)
                                        .toList(),
                        null);
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> new Found(Outcome.NOT_FOUND, List.of(), null);
            default -> new Found(Outcome.FAILED, List.of(), error(lookup.getErrorString()));
        };
    }

    /** dnsjava's reason, when it is words ("timed out", "SERVFAIL"), else plain "no answer". */
    private static String error(String reason) {
        return reason == null || reason.toLowerCase(java.util.Locale.ROOT).contains("exception") ? "no answer" : reason;
    }

    private static InetSocketAddress parse(String address) {
        String host = address;
        int port = 53;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            host = address.substring(1, end);
            if (address.length() > end + 2 && address.charAt(end + 1) == ':') {
                port = Integer.parseInt(address.substring(end + 2));
            }
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            host = address.substring(0, address.indexOf(':'));
            port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }
}
