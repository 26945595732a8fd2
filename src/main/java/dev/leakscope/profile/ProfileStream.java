package dev.leakscope.profile;

import java.util.function.BiConsumer;

/**
 * Profiles produced one at a time, each with its name, so that a consumer can reduce each and drop
 * it; every call of {@link #forEach} produces them all again (read anew).
 */
@FunctionalInterface
public interface ProfileStream {
    void forEach(BiConsumer<String, Profile> each);
}
