package dev.leakscope.format.jfr;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedObject;

/**
 * What holds an old object, from the reference chain a {@code jdk.OldObjectSample} carries when the
 * recording was dumped with {@code path-to-gc-roots=true}: the first static field on the way from
 * the object to its GC root ({@code leak.SessionRegistry.SESSIONS}), which is where a leak is usually
 * fixed; else the GC root itself ({@code Threads: Stack Variable}).
 */
final class GcRoots {
    /** Chains are short (the JVM elides their middle); this bounds a corrupt one. */
    private static final int MAX_DEPTH = 10_000;
    private static final String CLASS_NAME = "Class Name: ";

    private GcRoots() {
    }

    /** The holder of the sampled object, or null when the event has no reference chain. */
    static String of(RecordedObject event) {
        RecordedObject object = field(event, "object");
        boolean chain = false;
        for (int depth = 0; object != null && depth < MAX_DEPTH; depth++) {
            RecordedObject reference = field(object, "referrer");
            if (reference == null) {
                break;
            }
            chain = true;
            RecordedObject holder = field(reference, "object");
            if (holder == null) {
                break;
            }
            RecordedClass type = classField(holder, "type");
            String description = stringField(holder, "description");
            if (type != null && type.getName().equals("java.lang.Class") && description != null
                    && description.startsWith(CLASS_NAME)) {
                RecordedObject f = field(reference, "field");
                String name = f == null ? null : stringField(f, "name");
                if (name != null) {
                    return description.substring(CLASS_NAME.length()) + "." + name;
                }
            }
            object = holder;
        }
        RecordedObject root = field(event, "root");
        if (root == null) {
            return null;
        }
        String system = stringField(root, "system");
        String type = stringField(root, "type");
        if (system == null || (!chain && system.isEmpty())) {
            return null;
        }
        return type == null || type.isEmpty() || type.equals("<unknown>") ? system : system + ": " + type;
    }

    private static RecordedObject field(RecordedObject o, String name) {
        if (!o.hasField(name)) {
            return null;
        }
        Object v = o.getValue(name);
        return v instanceof RecordedObject r ? r : null;
    }

    private static RecordedClass classField(RecordedObject o, String name) {
        return o.hasField(name) && o.getValue(name) instanceof RecordedClass c ? c : null;
    }

    private static String stringField(RecordedObject o, String name) {
        return o.hasField(name) && o.getValue(name) instanceof String s ? s : null;
    }
}
