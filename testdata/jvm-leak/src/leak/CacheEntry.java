package leak;

/** What the bounded cache holds: as big as a session, but never more than the cache's capacity. */
final class CacheEntry {
    final long key;
    final long storedAtStep;
    long hits;
    long bytes;
    long checksum;

    CacheEntry(long key, long step) {
        this.key = key;
        this.storedAtStep = step;
    }
}
