package dev.leakscope.format.histogram;

import dev.leakscope.format.jfr.JavaNames;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import dev.leakscope.util.LongList;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The classes of a histogram, one sample each with its instances and bytes. A class name can appear
 * on several rows (one per class loader that defined it): those rows add up, unless their modules
 * differ. Names are as in source ({@code byte[]}, {@code java.lang.String[]}).
 *
 * <p>Compact for histograms of a million classes: a class is its name and module as ids of the
 * profile's own string table (one map, keyed by the pair of ids) and two counters in primitive
 * lists; a module, one of few, is looked up by its bytes, so a row makes no module string.
 */
final class ClassTable {
    /** Modules remembered by their bytes; a histogram has a few dozen at most. */
    private static final int MODULES = 64;

    private final ProfileBuilder builder;
    /** (name id << 32 | module id) → class index. */
    private LongIntMap index = new LongIntMap(1024);
    private final IntList nameOf = new IntList();
    private final IntList moduleOf = new IntList();
    private final LongList instances = new LongList();
    private final LongList bytes = new LongList();
    private final byte[][] moduleBytes = new byte[MODULES][];
    private final int[] moduleIds = new int[MODULES];
    private int modules;

    ClassTable(ProfileBuilder builder) {
        this.builder = builder;
    }

    /**
     * The string id of the module written in b[from, to) (empty: the unnamed module or JDK 8: 0). The
     * first time a module is seen, seen receives its name.
     */
    int module(byte[] b, int from, int to, java.util.function.Consumer<String> seen) {
        if (from == to) {
            return 0;
        }
        for (int m = 0; m < modules; m++) {
            if (Arrays.equals(moduleBytes[m], 0, moduleBytes[m].length, b, from, to)) {
                return moduleIds[m];
            }
        }
        String name = new String(b, from, to - from, StandardCharsets.UTF_8);
        seen.accept(name);
        int id = builder.intern(name);
        if (modules < MODULES) {
            moduleBytes[modules] = Arrays.copyOfRange(b, from, to);
            moduleIds[modules++] = id;
        }
        return id;
    }

    /** Adds a row; jvmName as the histogram writes it, module a {@link #module} id. */
    void add(String jvmName, int module, long count, long size) {
        int name = builder.intern(name(jvmName));
        long key = ((long) name << 32) | module;
        int c = index.get(key);
        if (c < 0) {
            c = nameOf.size();
            index.putIfAbsent(key, c);
            nameOf.add(name);
            moduleOf.add(module);
            instances.add(0);
            bytes.add(0);
        }
        instances.set(c, instances.get(c) + count);
        bytes.set(c, bytes.get(c) + size);
    }

    int size() {
        return nameOf.size();
    }

    /** Forgets the classes read so far (a text can hold several histograms: the last complete one counts). */
    void clear() {
        index = new LongIntMap(1024);
        nameOf.clear();
        moduleOf.clear();
        instances.truncate(0);
        bytes.truncate(0);
    }

    /** Writes the sample types (bytes the default) and one sample per class, its only frame the class. */
    void writeTo() {
        index = null; // not needed any more: its memory goes to the profile being built
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
     * {@code [Ljava.lang.String;} as {@code java.lang.String[]}; a class the JVM defined for a lambda or
     * a method handle without what it appends and what differs from run to run: the address of a
     * hidden class ({@code Foo$$Lambda/0x000000080012c000}), JDK 8's identity hash of an anonymous one
     * ({@code Foo$$Lambda$53/635371680}).
     */
    static String name(String jvmName) {
        int slash = jvmName.indexOf('/');
        if (slash <= 0) {
            return JavaNames.type(jvmName);
        }
        boolean hex = jvmName.startsWith("0x", slash + 1);
        int end = hex ? slash + 3 : slash + 1;
        while (end < jvmName.length() && Character.digit(jvmName.charAt(end), hex ? 16 : 10) >= 0) {
            end++;
        }
        if (end == slash + (hex ? 3 : 1)) {
            return JavaNames.type(jvmName);
        }
        return JavaNames.type(jvmName.substring(0, slash) + jvmName.substring(end));
    }
}
