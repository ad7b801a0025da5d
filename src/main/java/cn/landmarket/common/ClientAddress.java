package cn.landmarket.common;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The network address a request came from, as recorded with registrations and bids. It is the
 * peer's address, or the one a trusted proxy forwarded when the deployment turns on
 * {@code quarkus.http.proxy.proxy-address-forwarding} with {@code quarkus.http.proxy.trusted-proxies}
 * (forwarding headers from any other peer are ignored).
 */
public final class ClientAddress {

    /** Longest address kept (an IPv6 address with a zone fits). */
    public static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /** The request's client address, or null when the transport does not tell it. */
    public static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        if (address == null) {
            return null;
        }
        String host = address.hostAddress() != null ? address.hostAddress() : address.host();
        if (host == null || host.isBlank()) {
            return null;
        }
        return host.length() > MAX_LENGTH ? host.substring(0, MAX_LENGTH) : host;
    }
}
