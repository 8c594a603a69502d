package io.javakeepalived.config;

/**
 * The kinds of configuration problem keepalived 2.2.7 distinguishes (its config_err_t),
 * because they decide the exit code of {@code -t}: the worst kind reported wins, where
 * "worst" is keepalived's order (the later constant wins, see {@link Diagnostics#exitCode()}).
 */
public enum ConfigErrorKind {
    // keepalived cannot run this config: -t exits 4
    FILE_NOT_FOUND,
    BAD_INTERFACE,
    FATAL,
    // configuration errors, but keepalived would still run: -t exits 5
    MULTIPLE_FILES,
    UNKNOWN_KEYWORD,
    UNEXPECTED_BLOCK_START,
    MISSING_BLOCK_START,
    UNEXPECTED_BLOCK_END,
    MISSING_BLOCK_END,
    UNMATCHED_QUOTE,
    MISSING_PARAMETER,
    INVALID_NUMBER,
    GENERAL_ERROR,
    WARNING,
    DEPRECATED,
    // scripts would run as root without enable_script_security: -t exits 6
    SECURITY_ERROR;

    /** The {@code -t} exit code keepalived 2.2.7 gives when this is the deciding kind. */
    public int configTestExitCode() {
        return switch (this) {
            case FILE_NOT_FOUND, BAD_INTERFACE, FATAL -> ExitCodes.CANNOT_RUN;
            case SECURITY_ERROR -> ExitCodes.SCRIPT_SECURITY;
            default -> ExitCodes.CONFIG_ERRORS;
        };
    }
}
