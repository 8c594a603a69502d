package io.javakeepalived.config.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * keepalived's {@code umask}: the file-creation mask of the daemon and of everything it starts.
 * keepalived runs under 0177 unless told otherwise ({@code lib/utils.c umask_val}), so its pid
 * files, dumps and FIFOs are its own, and the notify scripts it starts inherit that mask.
 * Written as keepalived reads it: a number in C's notation ({@code 0177}, {@code 0x7f}, {@code 127})
 * within 0777, or permission bits joined by {@code |} ({@code IWGRP|IWOTH}).
 */
public final class FileCreationMask {
    /** keepalived's mask when neither {@code -u} nor {@code umask} gives one. */
    public static final int KEEPALIVED_DEFAULT = 0177;

    private static final List<String> BITS = List.of("IXOTH", "IWOTH", "IROTH", "IXGRP", "IWGRP", "IRGRP",
            "IXUSR", "IWUSR", "IRUSR");
    private static final List<String> ALL_THREE = List.of("IRWXO", "IRWXG", "IRWXU");

    private FileCreationMask() {
    }

    /** The mask the words of a {@code umask} line give, or empty if they give none. */
    public static OptionalInt parse(List<String> words) {
        String text = String.join("", words).trim();
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        return Character.isDigit(text.charAt(0)) ? number(text) : bits(text);
    }

    /** A number as C's strtol reads it with base 0 ({@code -u} takes only this form). */
    public static OptionalInt number(String text) {
        try {
            long m;
            if (text.startsWith("0x") || text.startsWith("0X")) {
                m = Long.parseLong(text.substring(2), 16);
            } else if (text.length() > 1 && text.startsWith("0")) {
                m = Long.parseLong(text.substring(1), 8);
            } else {
                m = Long.parseLong(text);
            }
            return m < 0 || (m & ~0777) != 0 ? OptionalInt.empty() : OptionalInt.of((int) m);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static OptionalInt bits(String text) {
        int mask = 0;
        for (String bit : text.split("\\|", -1)) {
            int i = BITS.indexOf(bit.trim());
            int all = ALL_THREE.indexOf(bit.trim());
            if (i >= 0) {
                mask |= 1 << i;
            } else if (all >= 0) {
                mask |= 07 << (3 * all);
            } else {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(mask);
    }

    /** {@code 0177}: as umask(1) prints it. */
    public static String octal(int mask) {
        return String.format("%04o", mask);
    }
}
