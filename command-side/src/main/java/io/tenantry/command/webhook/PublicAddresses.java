package io.tenantry.command.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses are on the public internet, so that a tenant cannot make Tenantry call into its own network (a
 * domain's well-known file, a webhook): not loopback, private, link-local (cloud metadata at 169.254.169.254
 * included), carrier-grade NAT, unique-local (fd00:ec2::254 included), multicast or unset.
 */
public final class PublicAddresses {

    private PublicAddresses() {}

    /** Whether an address is on the public internet. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second < 128) // shared address space (carrier NAT)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 224; // multicast and reserved
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if (isIpv4Translated(bytes)) {
                return false; // ::ffff:a.b.c.d and ::a.b.c.d name an IPv4 address behind IPv6's back
            }
            return (first & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return false;
    }

    private static boolean isIpv4Translated(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff);
    }
}
