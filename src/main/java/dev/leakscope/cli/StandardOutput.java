package dev.leakscope.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's standard output, remembering the first write that failed: a PrintWriter (like
 * System.out) swallows the error, and a report cut short on a full disk must not exit 0.
 */
final class StandardOutput extends OutputStream {
    private final OutputStream out;
    private IOException failure;

    StandardOutput(OutputStream out) {
        this.out = out;
    }

    static StandardOutput process() {
        return new StandardOutput(new FileOutputStream(FileDescriptor.out));
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /**
     * The error line for a write that failed, or null when none did or the reader went away (a broken
     * pipe, as with {@code | head}: quietly, as other command-line tools do).
     */
    String failureMessage() {
        if (failure == null || String.valueOf(failure.getMessage()).contains("Broken pipe")) {
            return null;
        }
        return "leakscope: cannot write to standard output: " + failure.getMessage();
    }
}
