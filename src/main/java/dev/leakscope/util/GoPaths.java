package dev.leakscope.util;

import java.util.ArrayList;
import java.util.List;

/** Go's path handling (filepath.Clean, Base, SplitList) and pprof's source path trimming. */
public final class GoPaths {
    private GoPaths() {
    }

    /** Go's filepath.Base on Unix. */
    public static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/";
        }
        String p = path.substring(0, end);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Go's filepath.Clean on Unix: lexical normalisation of ., .. and repeated slashes. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> out = new ArrayList<>();
        int dotdot = 0;
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (out.size() > dotdot) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                    dotdot++;
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's filepath.SplitList: an empty string gives no entries. */
    public static List<String> splitList(String list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return List.of(list.split(":", -1));
    }

    /**
     * pprof's trimPath: without explicit prefixes, strip everything up to the first occurrence of
     * {@code /<basename of a search path entry>/}; then strip the first matching prefix of trimPath
     * (a list) or of the fixed {@code /proc/self/cwd/} forms.
     */
    public static String trimPath(String path, String trimPath, String searchPath) {
        if (trimPath == null || trimPath.isEmpty()) {
            for (String dir : splitList(searchPath)) {
                String want = "/" + base(dir) + "/";
                int found = path.indexOf(want);
                if (found >= 0) {
                    return path.substring(found + want.length());
                }
            }
        }
        List<String> prefixes = new ArrayList<>(splitList(trimPath));
        prefixes.add("/proc/self/cwd/./");
        prefixes.add("/proc/self/cwd/");
        for (String prefix : prefixes) {
            if (!prefix.endsWith("/")) {
                prefix += "/";
            }
            if (path.startsWith(prefix)) {
                return path.substring(prefix.length());
            }
        }
        return path;
    }
}
