package dev.leakscope.format.jfr;

/**
 * Names as async-profiler's converter writes them: methods as {@code pkg/Class.method}, allocated
 * types as Java source names ({@code byte[]}, {@code java.lang.Object[]}).
 */
public final class JavaNames {
    private JavaNames() {
    }

    /** {@code leak.SessionRegistry} and {@code register} as {@code leak/SessionRegistry.register}. */
    static String method(String className, String methodName) {
        return className.replace('.', '/') + "." + methodName;
    }

    /**
     * A class name as the JVM gives it ({@code [B}, {@code [[Ljava.lang.String;}, {@code leak.Foo$Bar})
     * as in source ({@code byte[]}, {@code java.lang.String[][]}); names already in that form (as
     * async-profiler writes them) are kept.
     */
    public static String type(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == jvmName.length()) {
            return jvmName;
        }
        String element = element(jvmName.substring(dims));
        return element + "[]".repeat(dims);
    }

    private static String element(String descriptor) {
        if (descriptor.length() == 1) {
            switch (descriptor.charAt(0)) {
                case 'B': return "byte";
                case 'C': return "char";
                case 'D': return "double";
                case 'F': return "float";
                case 'I': return "int";
                case 'J': return "long";
                case 'S': return "short";
                case 'Z': return "boolean";
                default: return descriptor;
            }
        }
        if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
            return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
        }
        return descriptor;
    }
}
