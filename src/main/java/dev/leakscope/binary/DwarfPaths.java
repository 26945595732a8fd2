package dev.leakscope.binary;

import dev.leakscope.util.GoPaths;

/**
 * Go debug/dwarf's handling of the paths in line tables, which may come from Unix or DOS systems
 * whatever the host: absolute-path test and joining (cleaned, as Go's path.Join, for Unix paths).
 */
final class DwarfPaths {
    private DwarfPaths() {
    }

    static boolean isAbs(String path) {
        String rest = path.substring(drive(path).length());
        return !rest.isEmpty() && (rest.charAt(0) == '/' || rest.charAt(0) == '\\');
    }

    static String join(String dirname, String filename) {
        if (dirname.isEmpty()) {
            return filename;
        }
        String drive = drive(dirname);
        String dir = dirname.substring(drive.length());
        if (drive.isEmpty()) {
            return GoPaths.clean(dir.isEmpty() ? filename : dir + "/" + filename);
        }
        String drive2 = drive(filename);
        String file = filename.substring(drive2.length());
        if (!drive2.isEmpty() && !drive.equalsIgnoreCase(drive2)) {
            return drive2 + file;
        }
        if (!dir.endsWith("/") && !dir.endsWith("\\") && !dir.isEmpty()) {
            dir += dir.startsWith("/") ? "/" : "\\";
        }
        return drive + dir + file;
    }

    /** The DOS drive letter or UNC share point that path starts with, or "". */
    private static String drive(String path) {
        if (path.length() >= 2 && path.charAt(1) == ':') {
            char c = path.charAt(0);
            if (('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
                return path.substring(0, 2);
            }
        }
        if (path.length() > 3 && isSlash(path.charAt(0)) && isSlash(path.charAt(1))) {
            String n = path.replace('/', '\\');
            int slash1 = n.indexOf('\\', 2);
            if (slash1 > 2) {
                int slash2 = n.indexOf('\\', slash1 + 1);
                if (slash2 > slash1) {
                    return path.substring(0, slash2);
                }
            }
        }
        return "";
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }
}
