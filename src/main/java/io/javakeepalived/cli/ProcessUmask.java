package io.javakeepalived.cli;

import io.javakeepalived.config.model.FileCreationMask;
import io.javakeepalived.config.model.GlobalDefs;

import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;

import org.slf4j.Logger;

/**
 * The daemon's file-creation mask, set as keepalived sets its own: 0177 from the start, or
 * {@code -u MASK} if the command line gives one; then the configuration's {@code umask}, at start
 * and at each reload, unless {@code -u} was given (then keepalived's "ignoring" line). Everything
 * the daemon creates without an explicit mode (pid files, track_file's initial file) and every
 * script it starts, which inherits the mask, follows it. A systemd unit's {@code UMask=} is what
 * the process starts with, and is replaced here, as it is for keepalived.
 */
final class ProcessUmask {
    private final IntUnaryOperator umask;
    private final Logger log;
    /** {@code -u}'s mask, or empty. */
    private final OptionalInt commandLine;
    private int current = -1;

    /**
     * @param option {@code -u}'s text, or null; an invalid one is reported and left out, as
     *               keepalived does ({@code Invalid --umask option X})
     * @param umask  umask(2): sets the mask, returns the previous one
     */
    ProcessUmask(String option, IntUnaryOperator umask, Logger log) {
        this.umask = umask;
        this.log = log;
        OptionalInt m = option == null ? OptionalInt.empty() : FileCreationMask.number(option);
        if (option != null && m.isEmpty()) {
            log.error("Invalid --umask option {}, expected a number within 0777 - using {}", option,
                    FileCreationMask.octal(FileCreationMask.KEEPALIVED_DEFAULT));
        }
        this.commandLine = m;
    }

    /** Before anything is created: {@code -u}'s mask, else keepalived's 0177. */
    void start() {
        set(commandLine.orElse(FileCreationMask.KEEPALIVED_DEFAULT));
    }

    /** A configuration was loaded (at start or by a reload): its {@code umask}, unless {@code -u} rules. */
    void configured(GlobalDefs global) {
        if (global.umask().isEmpty()) {
            return;
        }
        if (commandLine.isPresent()) {
            log.info("umask command line option specified, ignoring config option");
            return;
        }
        set(global.umask().getAsInt());
    }

    /** The mask in force, -1 before {@link #start()}. */
    int current() {
        return current;
    }

    private void set(int mask) {
        if (mask != current) {
            umask.applyAsInt(mask);
            current = mask;
        }
    }
}
