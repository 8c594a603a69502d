package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.FileStat;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * keepalived's check_script_secure (lib/notify.c): finds the program (PATH search for bare
 * names), resolves it, checks it is executable by the user it runs as and, when it would run
 * as root, that no directory or file on its path is writable by anyone but root. The result
 * flags decide whether the script is dropped and whether keepalived reports a security
 * violation.
 */
final class ScriptSecurity {
    static final int ISSCRIPT = 1;
    static final int INSECURE = 2;
    static final int INHIBIT = 4;
    static final int NOTFOUND = 8;
    static final int EXECUTABLE = 16;
    static final int SYSTEM = 32;

    /** The flags, and the script with its program resolved (PATH search, realpath). */
    record Result(int flags, ScriptCommand script) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /** check_notify_script_secure: is the script kept? */
        boolean usableNotify() {
            return !has(INHIBIT) && !has(NOTFOUND) && has(EXECUTABLE);
        }

        /** check_track_script_secure / misc scripts: is the script kept? */
        boolean usableTrack() {
            return !has(INHIBIT) && !has(NOTFOUND) && (has(EXECUTABLE) || has(SYSTEM));
        }
    }

    private final FileSystemView fs;
    private final boolean scriptSecurity;
    private final BindContext ctx;

    ScriptSecurity(BindContext ctx) {
        this.ctx = ctx;
        this.fs = ctx.files;
        this.scriptSecurity = ctx.global.scriptSecurity;
    }

    private static boolean executable(FileStat st, int uid, int gid) {
        int mode = st.mode();
        return (uid == 0 && (mode & (FileStat.S_IXUSR | FileStat.S_IXGRP | FileStat.S_IXOTH)) != 0)
                || (uid == st.uid() && (mode & FileStat.S_IXUSR) != 0)
                || (uid != st.uid() && ((gid == st.gid() && (mode & FileStat.S_IXGRP) != 0)
                || (gid != st.gid() && (mode & FileStat.S_IXOTH) != 0)));
    }

    /** The flags of every script checked so far, OR-ed: what the security violation report reads. */
    private int seen;

    Result check(ScriptCommand script) {
        Result r = examine(script);
        seen |= r.flags();
        return r;
    }

    /** check_notify_script_secure: the script resolved, or null when keepalived drops it (or none given). */
    ScriptCommand notifyScript(ScriptCommand script) {
        if (script == null) {
            return null;
        }
        Result r = check(script);
        return r.usableNotify() ? r.script() : null;
    }

    Optional<ScriptCommand> notifyScript(Optional<ScriptCommand> script) {
        return Optional.ofNullable(notifyScript(script.orElse(null)));
    }

    /** A track script, the start-up and shut-down scripts: kept when usable as a track script. */
    ScriptCommand trackScript(ScriptCommand script) {
        if (script == null) {
            return null;
        }
        Result r = check(script);
        return r.usableTrack() ? r.script() : null;
    }

    /** Every notify script of an instance or sync group, in the order keepalived checks them. */
    void notifyScripts(VrrpDrafts.Notify n) {
        n.backup = notifyScript(n.backup);
        n.master = notifyScript(n.master);
        n.fault = notifyScript(n.fault);
        n.stop = notifyScript(n.stop);
        n.deleted = notifyScript(n.deleted);
        n.generic = notifyScript(n.generic);
        n.masterRxLowerPri = notifyScript(n.masterRxLowerPri);
    }

    /** A notify_fifo's script. */
    void fifoScript(GlobalDrafts.Fifo f) {
        f.script = notifyScript(f.script);
    }

    /**
     * keepalived's "SECURITY VIOLATION" report, made once per process when scripts run as root
     * without enable_script_security.
     *
     * @param scripts which scripts, as keepalived names them ("scripts", "check scripts", ...)
     * @param advice  what keepalived's message adds after the reason
     */
    void reportViolation(Supplier<SourceLocation> at, String scripts, String advice) {
        if (!scriptSecurity && (seen & ISSCRIPT) != 0) {
            ctx.report(ConfigErrorKind.SECURITY_ERROR, at.get(), "SECURITY VIOLATION - "
                    + scripts + " are being executed but script_security not enabled."
                    + ((seen & INSECURE) != 0 ? " There are insecure scripts." : "") + advice);
        }
    }

    private Result examine(ScriptCommand script) {
        String program = script.program();
        if (script.openTestPath().isPresent()) {
            return new Result(SYSTEM, script);
        }
        ScriptCommand s = script;
        if (!program.contains("/")) {
            Optional<String> found = findPath(program, s.uid(), s.gid());
            if (found.isEmpty()) {
                return new Result(NOTFOUND, s);
            }
            ctx.note(s.location(), "WARNING - script `" + program + "` resolved by path search to `" + found.get()
                    + "`. Please specify full path.");
            s = s.withProgram(found.get());
            program = found.get();
        }
        Optional<String> real = fs.realPath(program);
        if (real.isEmpty()) {
            ctx.note(s.location(), "Script " + program + " cannot be accessed - No such file or directory");
            return new Result(NOTFOUND, s);
        }
        String newPath = real.get();
        String realFilePath = null;
        if (!program.equals(newPath)) {
            String origFile = program.substring(program.lastIndexOf('/') + 1);
            String newFile = newPath.substring(newPath.lastIndexOf('/') + 1);
            if (!origFile.equals(newFile)) {
                String candidate = newPath.substring(0, newPath.lastIndexOf('/') + 1) + origFile;
                Optional<FileStat> realStat = fs.stat(newPath);
                Optional<FileStat> candStat = fs.stat(candidate);
                if (realStat.isPresent() && (candStat.isEmpty()
                        || !candStat.get().fileKey().equals(realStat.get().fileKey()))) {
                    realFilePath = null;
                } else {
                    realFilePath = newPath;
                    newPath = candidate;
                }
            }
            if (!program.equals(newPath)) {
                s = s.withProgram(newPath);
                program = newPath;
            }
        }
        Optional<FileStat> st = fs.stat(realFilePath != null ? realFilePath : program);
        if (st.isEmpty()) {
            ctx.note(s.location(), "Unable to access script `" + program + "` - disabling");
            return new Result(NOTFOUND, s);
        }
        int flags = ISSCRIPT;
        boolean needProtection = false;
        FileStat f = st.get();
        if (executable(f, s.uid(), s.gid())) {
            flags |= EXECUTABLE;
            if (s.uid() == 0 || s.gid() == 0
                    || (f.uid() == 0 && (f.mode() & FileStat.S_IXUSR) != 0 && (f.mode() & FileStat.S_ISUID) != 0)
                    || (f.gid() == 0 && (f.mode() & FileStat.S_IXGRP) != 0 && (f.mode() & FileStat.S_ISGID) != 0)) {
                needProtection = true;
            }
        } else {
            ctx.note(s.location(), "WARNING - script '" + program + "' is not executable for uid:gid " + s.uid() + ":"
                    + s.gid() + " - disabling.");
        }
        if (!needProtection) {
            return new Result(flags, s);
        }
        flags |= pathSecurity(program, s);
        if (realFilePath != null) {
            flags |= pathSecurity(realFilePath, s);
        }
        return new Result(flags, s);
    }

    /** find_path: execvp's PATH search as the script's user. */
    private Optional<String> findPath(String file, int uid, int gid) {
        if (file.isEmpty() || file.length() > 255) {
            ctx.note(null, "Cannot find script " + file + " in path - disabling");
            return Optional.empty();
        }
        boolean gotAccess = false;
        for (String dir : fs.searchPath()) {
            String candidate = dir.isEmpty() ? file : dir + "/" + file;
            Optional<FileStat> st = fs.stat(candidate);
            if (st.isEmpty()) {
                continue;
            }
            if (st.get().isRegular() && executable(st.get(), uid, gid)) {
                return Optional.of(candidate);
            }
            gotAccess = true;
        }
        ctx.note(null, (gotAccess ? "Permissions failure for script " : "Cannot find script ") + file
                + " in path - disabling");
        return Optional.empty();
    }

    /** check_security: every component of the path must be root's and not writable by others. */
    private int pathSecurity(String filename, ScriptCommand s) {
        int idx = 0;
        while (true) {
            int slash = filename.indexOf('/', idx);
            boolean last = slash < 0;
            String part;
            if (last) {
                part = filename;
            } else {
                part = slash == 0 ? "/" : filename.substring(0, slash);
            }
            Optional<FileStat> st = fs.lstat(part);
            if (st.isEmpty()) {
                ctx.note(s.location(), "check_script_secure could not find script '" + filename + "' - disabling");
                return NOTFOUND;
            }
            FileStat f = st.get();
            if ((!last && !f.isDirectory()) || (last && !f.isRegular() && f.type() != FileStat.Type.SYMLINK)) {
                ctx.note(s.location(), "Wrong file type found in script path '" + filename + "'.");
                return INHIBIT;
            }
            if (f.uid() != 0 || (((f.isDirectory() && (f.mode() & FileStat.S_ISVTX) == 0) || f.isRegular())
                    && ((f.gid() != 0 && (f.mode() & FileStat.S_IWGRP) != 0) || (f.mode() & FileStat.S_IWOTH) != 0))) {
                ctx.note(s.location(), "Unsafe permissions found for script '" + filename + "'"
                        + (scriptSecurity ? " - disabling." : "."));
                return INSECURE | (scriptSecurity ? INHIBIT : 0);
            }
            if (last) {
                return 0;
            }
            idx = slash + 1;
            if (idx >= filename.length()) {
                return 0;
            }
        }
    }
}
