package dev.leakscope.input.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTest {
    /** A webhook that cannot be reached is told in the words of a failed fetch, not as a Java class name. */
    @Test
    void aClosedPortIsAConnectionRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        FetchSettings settings = new FetchSettings(Duration.ofSeconds(5), List.of(), null, FetchSettings.Trust.SYSTEM,
                new FetchSettings.GoQuery(0, false), 1 << 20, k -> null);
        Webhook hook = Webhook.of("http://127.0.0.1:" + port + "/hook", settings);
        assertEquals("http://127.0.0.1:" + port + ": connection refused (is the service running and listening there?)",
                hook.post("{}"));
    }
}
