package leak;

import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used cache of at most capacity entries: it grows to its capacity, then stays. */
final class BoundedCache extends LinkedHashMap<Long, CacheEntry> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    BoundedCache(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, CacheEntry> eldest) {
        return size() > capacity;
    }
}
