package dev.leakscope.format.histogram;

import dev.leakscope.format.jfr.JavaNames;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.HashMap;
import java.util.Map;

/**
 * The classes of a histogram, one sample each with its instances and bytes. A class name can appear
 * on several rows (one per class loader that defined it): those rows add up, unless their modules
 * differ. Names are as in source ({@code byte[]}, {@code java.lang.String[]}).
 */
final class ClassTable {
    private final Map<String, Integer> index = new HashMap<>();
    private final IntList nameOf = new IntList();
    private final IntList moduleOf = new IntList();
    private final LongList instances = new LongList();
    private final LongList bytes = new LongList();
    private final ProfileBuilder builder;

    ClassTable(ProfileBuilder builder) {
        this.builder = builder;
    }

    /** Adds a row; jvmName as the histogram writes it, module empty for the unnamed module or JDK 8. */
    void add(String jvmName, String module, long count, long size) {
        String key = module.isEmpty() ? jvmName : jvmName + '\0' + module;
        Integer known = index.get(key);
        int c;
        if (known == null) {
            c = nameOf.size();
            index.put(key, c);
            nameOf.add(builder.intern(name(jvmName)));
            moduleOf.add(module.isEmpty() ? 0 : builder.intern(module));
            instances.add(0);
            bytes.add(0);
        } else {
            c = known;
        }
        instances.set(c, instances.get(c) + count);
        bytes.set(c, bytes.get(c) + size);
    }

    int size() {
        return nameOf.size();
    }

    /** Writes the sample types (bytes the default) and one sample per class, its only frame the class. */
    void writeTo() {
        builder.addSampleType(builder.intern("instances"), builder.intern("count"));
        builder.addSampleType(builder.intern("bytes"), builder.intern("bytes"));
        builder.setDefaultSampleType(builder.intern("bytes"));
        int moduleKey = builder.intern("module");
        for (int c = 0; c < nameOf.size(); c++) {
            builder.addFunction(c + 1, nameOf.get(c), nameOf.get(c), 0, 0);
            builder.beginLocation(c + 1, 0, 0, false);
            builder.addLine(c + 1, 0);
            builder.beginSample();
            builder.addStackLocationId(c + 1);
            builder.addValue(instances.get(c));
            builder.addValue(bytes.get(c));
            if (moduleOf.get(c) != 0) {
                builder.addLabel(moduleKey, moduleOf.get(c), 0, 0);
            }
        }
    }

    /**
     * {@code [Ljava.lang.String;} as {@code java.lang.String[]}; a hidden class (a lambda) without the
     * address the JVM appends ({@code Foo$$Lambda/0x000000080012c000}), which differs from run to run.
     */
    static String name(String jvmName) {
        int slash = jvmName.indexOf("/0x");
        if (slash <= 0) {
            return JavaNames.type(jvmName);
        }
        int end = slash + 3;
        while (end < jvmName.length() && Character.digit(jvmName.charAt(end), 16) >= 0) {
            end++;
        }
        return JavaNames.type(jvmName.substring(0, slash) + jvmName.substring(end));
    }
}
