package dev.leakscope.input;

/** Told how far the reading of an input file has come (for a progress display). */
public interface ReadProgress {
    /** bytes of total (the file's size) have been read from the input called name. */
    void read(String name, long bytes, long total);

    /** The input called name is read through or closed. */
    void done(String name);
}
