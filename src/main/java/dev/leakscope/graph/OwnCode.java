package dev.leakscope.graph;

import dev.leakscope.profile.Profile;
import java.util.regex.Pattern;

/**
 * Which frames are the program's own code, as opposed to the allocator, runtime or library code that
 * a sample's leaf often is ({@code malloc_hook}, {@code [libtcmalloc.so]}, {@code byte[]}). Two rules:
 * <ul>
 * <li>an unsymbolized frame (no function name) in an object file other than the profile's main
 *     binary (its first mapping) is library code: {@code [libc.so.6]}, {@code [libjemalloc.so.2]};</li>
 * <li>in a Java profile (one with {@code package/Class.method} frames), only such frames outside the
 *     JDK ({@code java/ javax/ jdk/ sun/ com/sun/}) are own code: JVM and libc frames
 *     ({@code os::malloc}), JDK frames and allocated-class frames ({@code byte[]}) are not;</li>
 * <li>Go's runtime ({@code runtime.gopark}, {@code runtime.chansend1}, {@code runtime.malg}) is not own
 *     code: a goroutine profile's stacks end where the goroutine waits, in the runtime, and the
 *     program's frame above it is what a leak of goroutines is told by.</li>
 * </ul>
 * Everything else (Go, Node, symbolized native code in the main binary) is own code.
 */
public final class OwnCode {
    /** {@code pkg/sub/Class.method}: lower-case packages, an upper-case class (Go's {@code net/http.Get} is not). */
    private static final Pattern JAVA_FRAME = Pattern.compile("([a-z_$][\\w$]*/)+[A-Z][\\w$]*\\.[\\w$<>]+");
    private static final Pattern JDK = Pattern.compile("(java|javax|jdk|sun|com/sun)/.*");
    /** Go's runtime packages: runtime, runtime/internal/..., internal/runtime/... */
    private static final Pattern GO_RUNTIME = Pattern.compile("(runtime|runtime/internal/\\w+|internal/runtime/\\w+)\\..+");

    private final Profile profile;
    private final NodeTable table;
    private final boolean java;

    private OwnCode(Profile profile, NodeTable table, boolean java) {
        this.profile = profile;
        this.table = table;
        this.java = java;
    }

    public static OwnCode of(Profile p, NodeTable t) {
        boolean java = false;
        for (int n = 0; n < t.size() && !java; n++) {
            java = JAVA_FRAME.matcher(t.info(n).name()).matches();
        }
        return new OwnCode(p, t, java);
    }

    /** Per frame of the table (index as {@link NodeTable#frameNode}): whether it is the program's own code. */
    public boolean[] frames() {
        boolean[] ownNode = new boolean[table.size()];
        for (int n = 0; n < ownNode.length; n++) {
            String name = table.info(n).name();
            ownNode[n] = java ? JAVA_FRAME.matcher(name).matches() && !JDK.matcher(name).matches()
                    : !GO_RUNTIME.matcher(name).matches();
        }
        boolean[] own = new boolean[table.frameStart(profile.locationCount())];
        for (int l = 0; l < profile.locationCount(); l++) {
            int m = profile.locationMapping(l);
            boolean mainBinary = m <= 0 || profile.mapping(m).file().isEmpty()
                    || profile.mapping(m).file().equals(profile.mapping(0).file());
            for (int k = table.frameStart(l); k < table.frameEnd(l); k++) {
                int n = table.frameNode(k);
                own[k] = ownNode[n] && (mainBinary || !table.info(n).name().isEmpty());
            }
        }
        return own;
    }
}
