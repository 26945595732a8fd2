package dev.leakscope.input.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Proxies from the usual environment variables, as curl and Go read them: {@code https_proxy} and
 * {@code http_proxy} (lower or upper case) by scheme, except for the hosts of {@code no_proxy}
 * (suffixes, or {@code *}). Loopback addresses never go through a proxy.
 */
final class EnvProxySelector extends ProxySelector {
    private final Function<String, String> env;

    EnvProxySelector(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String proxy = variable(uri.getScheme().equalsIgnoreCase("https") ? "https_proxy" : "http_proxy");
        if (proxy == null || bypassed(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        URI p = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
        if (p.getHost() == null) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = p.getPort() > 0 ? p.getPort() : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
    }

    /** The proxy a URL would go through, for messages (credentials hidden), or null. */
    String describe(URI uri) {
        Proxy p = select(uri).get(0);
        return p == Proxy.NO_PROXY ? null : "proxy " + p.address();
    }

    private boolean bypassed(String host) {
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")) {
            return true;
        }
        String list = variable("no_proxy");
        if (list == null) {
            return false;
        }
        for (String entry : list.split(",")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.equals("*")) {
                return true;
            }
            if (e.startsWith(".")) {
                e = e.substring(1);
            }
            if (!e.isEmpty() && (host.equals(e) || host.endsWith("." + e))) {
                return true;
            }
        }
        return false;
    }

    private String variable(String lower) {
        String v = env.apply(lower);
        if (v == null || v.isEmpty()) {
            v = env.apply(lower.toUpperCase(Locale.ROOT));
        }
        return v == null || v.isEmpty() ? null : v;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to remember: one fetch, one proxy.
    }
}
