package dev.leakscope.cli;

import dev.leakscope.util.InputException;

/** A scheduled run stopped by Ctrl-C (its thread interrupted) while waiting or fetching. */
final class Interrupted extends InputException {
    private static final long serialVersionUID = 1L;

    Interrupted(String message, Throwable cause) {
        super(message, cause);
    }
}
