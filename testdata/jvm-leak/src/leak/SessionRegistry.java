package leak;

import java.util.HashMap;
import java.util.Map;

/** The leak: every session is registered for good, nothing ever removes one. */
final class SessionRegistry {
    private static final Map<Long, Session> SESSIONS = new HashMap<>();

    private SessionRegistry() {
    }

    static void register(Session s) {
        SESSIONS.put(s.id, s);
    }

    static int size() {
        return SESSIONS.size();
    }
}
