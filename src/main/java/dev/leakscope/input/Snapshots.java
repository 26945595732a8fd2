package dev.leakscope.input;

import dev.leakscope.util.InputException;
import dev.leakscope.util.SnapshotOrder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * One command-line argument expanded into the profiles it may hold: a single file, a directory (its
 * files, not hidden ones, in natural name order, not recursively), or a tar or zip archive (its
 * files in archive order), recognised by content: tar by {@code ustar} at offset 257 after
 * decompression (gzip, zstd, xz, bzip2), zip by {@code PK\3\4}. Members are handed out one at a time;
 * an archive member is read into memory and dropped after its visit, so memory holds one member.
 * Links and archives inside archives or directories are skipped with a warning; links never lead out
 * of a directory; subdirectories are left alone. Nothing is ever written.
 */
public final class Snapshots {
    private static final int TAR_MAGIC_OFFSET = 257;
    private static final int TAR_BLOCK = 512;

    /** What an argument is. */
    private enum Kind {
        /** One input, presumably a profile. */
        FILE,
        DIRECTORY,
        TAR,
        ZIP
    }

    /** Receives the members of an argument, numbered from 0 in the order they are handed out. */
    @FunctionalInterface
    public interface Visitor {
        void member(int index, InputSource member);
    }

    private final InputSource source;
    private final Limits limits;
    private final Kind kind;
    private final String codec;

    private Snapshots(InputSource source, Limits limits, Kind kind, String codec) {
        this.source = source;
        this.limits = limits;
        this.kind = kind;
        this.codec = codec;
    }

    /** The argument source, looked at (not read through) to tell what it is. */
    public static Snapshots of(InputSource source, Limits limits) {
        Snapshots s = detect(source, limits);
        return s == null ? new Snapshots(source, limits, Kind.FILE, null) : s;
    }

    /** Whether the argument holds several inputs (a directory or an archive). */
    public boolean isCollection() {
        return kind != Kind.FILE;
    }

    public InputSource source() {
        return source;
    }

    /** What the argument is, for reports: "a directory", "a tar archive (gzip)", "a zip archive". */
    public String describe() {
        return switch (kind) {
            case FILE -> "a file";
            case DIRECTORY -> "a directory";
            case TAR -> "a tar archive" + (codec == null ? "" : " (" + codec + ")");
            case ZIP -> "a zip archive";
        };
    }

    /**
     * Hands out the members one at a time: the file itself for {@link Kind#FILE}. Skipped entries
     * (links, nested archives, subdirectories) get one line each on warn.
     *
     * @throws LimitException past {@link Limits#maxMembers()} files or {@link Limits#maxBytes()} bytes
     */
    public void forEach(Consumer<String> warn, Visitor visitor) {
        switch (kind) {
            case FILE -> visitor.member(0, source);
            case DIRECTORY -> directory(warn, visitor);
            case TAR -> tar(warn, visitor);
            case ZIP -> zip(warn, visitor);
        }
    }

    /**
     * The visible sub-directories of a directory, in natural order (none for an archive or a file): their
     * files are no members, which is news when there is nothing else (collect keeps a series per URL in one).
     */
    public List<String> subdirectories() {
        if (kind != Kind.DIRECTORY) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(source.path())) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted(SnapshotOrder.NATURAL).toList();
        } catch (IOException e) {
            return List.of(); // the listing of the members failed the same way, and said so
        }
    }

    /** The archive's or directory's kind, or null for anything else (errors are left to the loader). */
    private static Snapshots detect(InputSource s, Limits limits) {
        if (s.path() != null && Files.isDirectory(s.path())) {
            return new Snapshots(s, limits, Kind.DIRECTORY, null);
        }
        try (BufferedInputStream raw = new BufferedInputStream(s.openRaw(), TAR_BLOCK)) {
            raw.mark(4);
            byte[] magic = raw.readNBytes(4);
            raw.reset();
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                    && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6))) {
                return new Snapshots(s, limits, Kind.ZIP, null);
            }
            Decompression.Codec codec = Decompression.detect(raw);
            try (InputStream in = Decompression.open(s.name(), raw, limits.maxBytes(), limits.maxRatio())) {
                byte[] head = in.readNBytes(TAR_BLOCK);
                if (isTar(head)) {
                    return new Snapshots(s, limits, Kind.TAR, codec == null ? null : codec.label);
                }
            }
            return null;
        } catch (LimitException e) {
            throw e;
        } catch (InputException | IOException e) {
            return null; // not readable as an archive: the profile loader says what is wrong with it
        }
    }

    /** A tar header: the magic "ustar" at offset 257. */
    private static boolean isTar(byte[] head) {
        return head.length >= TAR_MAGIC_OFFSET + 5 && new String(head, TAR_MAGIC_OFFSET, 5,
                java.nio.charset.StandardCharsets.ISO_8859_1).equals("ustar");
    }

    private void directory(Consumer<String> warn, Visitor visitor) {
        Path dir = source.path();
        String prefix = source.name().endsWith("/") ? source.name() : source.name() + "/";
        List<String> files = new ArrayList<>();
        Path real;
        try (Stream<Path> list = Files.list(dir)) {
            real = dir.toRealPath();
            list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(files::add);
        } catch (IOException e) {
            // an AccessDeniedException's message is the path alone
            throw new InputException(source.name() + ": cannot list directory: "
                    + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage()), e);
        }
        checkCount(files.size());
        files.sort(SnapshotOrder.NATURAL);
        Map<Path, String> own = ownFiles(dir, files);
        int index = 0;
        for (String file : files) {
            Path p = dir.resolve(file);
            String name = prefix + file;
            String skip = skipReason(p, real, own);
            if (skip == null && Files.isDirectory(p)) {
                continue; // subdirectories are not searched (their files are not members)
            }
            if (skip != null) {
                warn.accept("skipping " + name + ": " + skip);
                continue;
            }
            InputSource member = InputSource.named(name, p).watched(source.progress());
            if (nested(member, warn)) {
                continue;
            }
            visitor.member(index++, member);
        }
    }

    /**
     * The real paths of the directory's files that are not links, to their names: a link to one of them
     * would read that snapshot twice (and a series of it compare it with itself).
     */
    private static Map<Path, String> ownFiles(Path dir, List<String> files) {
        Map<Path, String> own = new HashMap<>();
        for (String file : files) {
            Path p = dir.resolve(file);
            if (!Files.isSymbolicLink(p) && Files.isRegularFile(p)) {
                try {
                    own.putIfAbsent(p.toRealPath(), file);
                } catch (IOException e) {
                    // gone since the listing: its own read says so
                }
            }
        }
        return own;
    }

    /** Why a directory entry is skipped with a warning, or null (a file, or a subdirectory: left alone). */
    private static String skipReason(Path p, Path realDir, Map<Path, String> own) {
        try {
            if (Files.isSymbolicLink(p)) {
                Path target = p.toRealPath();
                if (!target.startsWith(realDir)) {
                    return "a link that leads out of the directory";
                }
                if (own.containsKey(target)) {
                    return "a link to " + own.get(target) + ", read once";
                }
            }
        } catch (IOException e) {
            return "a broken link";
        }
        if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
            return "not a regular file";
        }
        return null;
    }

    private void tar(Consumer<String> warn, Visitor visitor) {
        InputStream plain = source.open(limits);
        try (TarReader tar = new TarReader(plain)) {
            int index = 0;
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                String name = source.name() + ":" + e.getName();
                // (commons-compress calls a link or a device a file when its name has no trailing /)
                if (e.isSymbolicLink() || e.isLink()) {
                    warn.accept("skipping " + name + ": a link");
                    continue;
                }
                if (!e.isFile() || e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                    warn.accept("skipping " + name + ": not a file");
                    continue;
                }
                checkCount(index + 1);
                if (e.getSize() > limits.maxProfileBytes()) {
                    throw new LimitException(name + ": " + e.getSize() + " bytes, more than "
                            + limits.maxProfileBytes() + (limits.maxBytes() < Limits.MAX_PROFILE_BYTES
                            ? " (raise the limit with --max-bytes)" : " (one profile cannot be larger)"));
                }
                InputSource member = InputSource.inMemory(name, tar.readAllBytes());
                if (!nested(member, warn)) {
                    visitor.member(index++, member);
                }
            }
            if (tar.cutInHeader) {
                throw new InputException(source.name() + ": corrupt tar archive: it ends inside the header of a"
                        + " member (cut short?)");
            }
        } catch (IOException e) {
            throw new InputException(source.name() + ": corrupt tar archive: " + e.getMessage(), e);
        }
    }

    /**
     * A tar reader that tells an archive cut inside a header from its end: commons-compress takes a header
     * block cut short for the end of the archive, so the member it began was lost without a word.
     */
    private static final class TarReader extends TarArchiveInputStream {
        boolean cutInHeader;

        TarReader(InputStream in) {
            super(in);
        }

        @Override
        protected byte[] readRecord() throws IOException {
            long before = getBytesRead();
            byte[] record = super.readRecord();
            cutInHeader |= record == null && getBytesRead() > before;
            return record;
        }
    }

    private void zip(Consumer<String> warn, Visitor visitor) {
        // the members together are held to the ratio limit against the archive's size: entries that share
        // one compressed stream, or many members each under the floor, would otherwise inflate gigabytes
        long archive = Math.max(1, source.storedSize());
        try (ZipFile zip = openZip()) {
            long read = 0;
            int index = 0;
            for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
                ZipArchiveEntry e = all.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = source.name() + ":" + e.getName();
                if (e.isUnixSymlink()) {
                    warn.accept("skipping " + name + ": a link");
                    continue;
                }
                checkCount(index + 1);
                byte[] bytes;
                InputStream content = zip.getInputStream(e);
                // A compressed member is held to the ratio limit like a compressed file: against the
                // compressed bytes read so far where the codec counts them, else its stated size.
                long size = Math.max(0, e.getCompressedSize());
                LongSupplier compressed = content instanceof InputStreamStatistics s ? s::getCompressedCount : () -> size;
                CheckedInputStream checked = new CheckedInputStream(content, new CRC32());
                // the member's own limits first (they name it), then the archive's
                BoundedInputStream one = new BoundedInputStream(checked, limits.maxProfileBytes(), name)
                        .withRatio(compressed, limits.maxRatio());
                try (BoundedInputStream together = new BoundedInputStream(one, limits.maxBytes(), source.name(), read)
                        .withRatio(() -> archive, limits.maxRatio())) {
                    bytes = together.readAllBytes();
                    read = together.count();
                }
                if (e.getCrc() != -1 && checked.getChecksum().getValue() != e.getCrc()) {
                    throw new InputException(name + ": corrupt zip archive: its content does not match its CRC-32");
                }
                InputSource member = InputSource.inMemory(name, bytes);
                if (!nested(member, warn)) {
                    visitor.member(index++, member);
                }
            }
        } catch (IOException e) {
            throw new InputException(source.name() + ": corrupt zip archive: " + e.getMessage(), e);
        }
    }

    private ZipFile openZip() throws IOException {
        Path path = source.path();
        if (path != null && Files.isRegularFile(path)) {
            return ZipFile.builder().setPath(path).get();
        }
        byte[] bytes;
        try (InputStream in = source.openRaw()) {
            bytes = in.readAllBytes();
        }
        return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
    }

    private void checkCount(int files) {
        if (files > limits.maxMembers()) {
            throw new LimitException(source.name() + ": more than " + limits.maxMembers()
                    + " files (raise the limit with --max-members)");
        }
    }

    /** Whether a member is itself an archive: those are skipped, with a warning. */
    private boolean nested(InputSource member, Consumer<String> warn) {
        Snapshots inner = detect(member, limits);
        if (inner == null) {
            return false;
        }
        warn.accept("skipping " + member.name() + ": " + inner.describe() + " (archives inside "
                + (kind == Kind.DIRECTORY ? "a directory" : "an archive") + " are not expanded)");
        return true;
    }
}
