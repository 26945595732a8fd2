package dev.leakscope.report;

import dev.leakscope.profile.Profile;

/** A best guess at which program wrote a profile, from its sample types, mappings and names. */
final class ProducerHint {
    private ProducerHint() {
    }

    static String guess(Profile p) {
        // Decoders of JVM evidence (Flight Recorder, class histograms) say what they read in a first comment.
        for (String c : p.comments()) {
            if (c.startsWith("JDK Flight Recorder recording") || c.startsWith("Class histogram")) {
                return c;
            }
        }
        boolean goRuntime = false;
        boolean javaNames = false;
        boolean jsFiles = false;
        for (int f = 0; f < p.functionCount(); f++) {
            String name = p.functionName(f);
            String file = p.functionFile(f);
            goRuntime |= name.equals("runtime.main") || name.equals("runtime.goexit") || name.startsWith("runtime.malg");
            javaNames |= name.startsWith("java/") || name.startsWith("java.") || name.startsWith("jdk.internal");
            jsFiles |= file.endsWith(".js") || file.endsWith(".mjs") || file.startsWith("node:");
        }
        String types = p.sampleTypes().toString();
        if (goRuntime) {
            return types.contains("inuse_space") ? "Go runtime (heap profile)" : "Go runtime";
        }
        if (jsFiles) {
            return "Node.js (V8 sampling heap profiler, e.g. @datadog/pprof)";
        }
        if (javaNames) {
            return "JVM (async-profiler or a JFR converter)";
        }
        if (p.functionCount() == 0 && p.locationCount() > 0) {
            String lib = allocatorLibrary(p);
            return lib == null ? "unknown (addresses only, not symbolized)"
                    : (lib.startsWith("libjemalloc") ? "jemalloc" : "gperftools or tcmalloc") + " (" + lib
                            + "; addresses only, not symbolized)";
        }
        return "unknown";
    }

    /** The file name of the allocator library (jemalloc, tcmalloc) that a native profile maps, or null. */
    private static String allocatorLibrary(Profile p) {
        for (int m = 0; m < p.mappingCount(); m++) {
            String file = p.mapping(m).file();
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (name.startsWith("libjemalloc") || name.startsWith("libtcmalloc")) {
                return name;
            }
        }
        return null;
    }
}
