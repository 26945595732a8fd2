package leak;

/** A user's session: the class that leaks. */
final class Session {
    final long id;
    final long createdAtStep;
    long lastSeenStep;
    long requests;
    long bytesSent;

    Session(long id, long step) {
        this.id = id;
        this.createdAtStep = step;
        this.lastSeenStep = step;
    }
}
