package leak;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A service that leaks: each "step" read from standard input handles a batch of requests, which
 * register sessions nobody removes ({@link SessionRegistry}) and fill a bounded cache that stays at
 * its capacity ({@link BoundedCache}). It answers each step with one line, so whoever drives it
 * (a test, capture.sh) knows when the step is done; the work depends on steps, never on time.
 */
public final class Main {
    static final int REQUESTS_PER_STEP = 2000;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        BoundedCache cache = new BoundedCache(1000);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        long request = 0;
        int step = 0;
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            step++;
            for (int i = 0; i < REQUESTS_PER_STEP; i++, request++) {
                SessionRegistry.register(new Session(request, step));
                cache.put(request, new CacheEntry(request, step));
            }
            System.out.println("step " + step + " sessions " + SessionRegistry.size() + " cached " + cache.size());
            System.out.flush();
        }
    }
}
