package app.shutter.auth;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who is calling: the address (limits count per exact address) and the user agent. Sessions keep only the
 * network the address belongs to, enough for "is this my phone at home" without storing where someone is.
 */
public record Client(String address, String userAgent) {

    static final int MAX_USER_AGENT = 300;

    static Client of(HttpServerRequest http) {
        // X-Forwarded-For is honoured only when quarkus.http.proxy.* trusts the proxy that sent it
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        String agent = http.getHeader(HttpHeaders.USER_AGENT);
        return new Client(address, agent == null || agent.isBlank() ? null
                : agent.substring(0, Math.min(agent.length(), MAX_USER_AGENT)));
    }

    /** The address's network: an IPv4 address's /24 (203.0.113.0/24), an IPv6 address's /48; null if unknown. */
    String network() {
        try {
            // a literal address only: getByName never looks a name up when given one
            if (address == null || !address.matches("[0-9a-fA-F:.%]+")) {
                return null;
            }
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            if (parsed instanceof Inet6Address) {
                byte[] network = new byte[16];
                System.arraycopy(bytes, 0, network, 0, 6);
                return InetAddress.getByAddress(network).getHostAddress().replaceAll("(:0)+$", "::") + "/48";
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
