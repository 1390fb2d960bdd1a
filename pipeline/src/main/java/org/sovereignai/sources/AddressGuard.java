package org.sovereignai.sources;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses URLs that would make the fetcher a tool for server-side request forgery: schemes other than http(s), and
 * hosts that resolve (any of their addresses) to loopback, link-local, private, unique-local, carrier-grade NAT,
 * multicast, unspecified or cloud metadata addresses, including those same addresses wrapped in IPv6 forms
 * (IPv4-mapped, IPv4-compatible, 6to4, NAT64).
 *
 * <p>DNS rebinding: the guard resolves the name, then the HTTP client resolves it again to connect. The JVM caches
 * successful look-ups (30 s by default, {@code networkaddress.cache.ttl}), so the connection normally uses the very
 * addresses checked here; a resolver that answers differently within that window can still slip through.
 * This residual risk is documented in docs/sources.md.
 */
public final class AddressGuard {
    private final boolean allowLoopback;

    public AddressGuard(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why a URL may not be fetched, or null when it may. DNS failures surface as {@link UnknownHostException}. */
    public String refusal(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https URLs are fetched, not '" + (scheme.isEmpty() ? "(none)" : scheme) + "'";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) return "the URL has no host name";
        if (uri.getUserInfo() != null) return "URLs with a user name or password are not fetched";
        for (InetAddress a : InetAddress.getAllByName(host)) {
            String why = refusal(a);
            if (why != null) return "host " + host + " resolves to " + a.getHostAddress() + ", " + why;
        }
        return null;
    }

    /** Why this address is off limits, or null. */
    public String refusal(InetAddress a) {
        if (a.isLoopbackAddress()) return allowLoopback ? null : "a loopback address";
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                String why = refusal(embedded);
                return why == null ? null : "an IPv6 form of " + embedded.getHostAddress() + " (" + why + ")";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return isEc2Metadata(b) ? "a cloud metadata address" : "a unique-local (private) IPv6 address";
            }
        }
        if (a.isAnyLocalAddress()) return "the unspecified address";
        if (a.isMulticastAddress()) return "a multicast address";
        if (a instanceof Inet4Address) {
            byte[] b = a.getAddress();
            int b0 = b[0] & 0xff, b1 = b[1] & 0xff;
            if (b0 == 169 && b1 == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) return "a cloud metadata address";
            if (b0 == 100 && (b1 & 0xc0) == 64) return "a carrier-grade NAT (shared) address";
            if (b0 == 0) return "a 'this network' address";
            if (b0 >= 240) return "a reserved or broadcast address";
            if (b0 == 127) return allowLoopback ? null : "a loopback address";
        }
        if (a.isLinkLocalAddress()) return "a link-local address";
        if (a.isSiteLocalAddress()) return "a private (site-local) address";
        return null;
    }

    private static boolean isEc2Metadata(byte[] b) {
        // fd00:ec2::254
        byte[] m = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return java.util.Arrays.equals(b, m);
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, 6to4 or NAT64 IPv6 address, else null. */
    private static InetAddress embeddedIpv4(byte[] b) {
        try {
            boolean zeros10 = allZero(b, 0, 10);
            if (zeros10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return v4(b, 12);      // ::ffff:a.b.c.d
            if (zeros10 && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 15)) return v4(b, 12);      // ::a.b.c.d
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) return v4(b, 2);                    // 2002::/16
            if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12)) return v4(b, 12);                                          // 64:ff9b::/96
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static InetAddress v4(byte[] b, int at) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
    }
}
