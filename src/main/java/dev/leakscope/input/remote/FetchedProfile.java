package dev.leakscope.input.remote;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A profile fetched and written whole.
 *
 * @param url   the URL as shown (credentials hidden)
 * @param time  when the fetch started (UTC)
 * @param file  where it is kept
 * @param bytes its size as received
 * @param kept  whether the file stays (false: a temporary file, removed when the JVM exits)
 */
public record FetchedProfile(String url, Instant time, Path file, long bytes, boolean kept) {
}
