package dev.leakscope.input.remote;

import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The TLS contexts of fetches: the system's trust, certificates of a PEM file, or (asked for) none. */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext of(FetchSettings.Trust trust) {
        try {
            if (trust.any()) {
                SSLContext c = SSLContext.getInstance("TLS");
                c.init(null, new TrustManager[] {new TrustAll()}, null);
                return c;
            }
            if (trust.caCert() != null) {
                return trusting(trust.caCert());
            }
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new InputException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    /** Trusts exactly the certificates of a PEM file, host names verified as usual. */
    private static SSLContext trusting(Path pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new InputException("--ca-cert " + pem + ": cannot read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new InputException("--ca-cert " + pem + ": not a PEM certificate file", e);
        }
        if (certs.isEmpty()) {
            throw new InputException("--ca-cert " + pem + ": no certificate in it");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            store.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, f.getTrustManagers(), null);
        return c;
    }

    /**
     * --insecure: trusts every certificate. Being an extended trust manager, it also takes over the
     * host name check, which it skips.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
