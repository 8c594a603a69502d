package io.javakeepalived.track;

import io.javakeepalived.config.model.TrackProcess;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whether a process is one a {@code vrrp_track_process} counts (keepalived 2.2.7
 * {@code read_procs()} and {@code check_params()} in track_process.c). Pure.
 *
 * <ul>
 * <li>The name: without {@code full_command} the process's comm (the kernel keeps 15 bytes of
 *     it, so a longer configured name never matches); with it, argv[0] of the command line, exactly
 *     (a path if it was started by path).</li>
 * <li>The parameters (given after the name on the {@code process} line, which implies
 *     {@code full_command} and exact matching): compared with the arguments after argv[0], each
 *     ended by its NUL byte. {@code param_match} exact (the default): the arguments are exactly
 *     these (none configured: the process must have none); {@code partial}: they start with these
 *     whole arguments; {@code initial}: they start with these, the last configured one being only
 *     a prefix of the process's argument.</li>
 * <li>Zombies never count.</li>
 * </ul>
 */
public final class ProcessMatch {

    private final String process;
    private final byte[] processBytes;
    private final TrackProcess.ParamMatch paramMatch;
    private final boolean fullCommand;
    private final byte[] params;

    public ProcessMatch(String process, List<String> parameters, TrackProcess.ParamMatch paramMatch,
                        boolean fullCommand) {
        this.process = Objects.requireNonNull(process, "process");
        this.processBytes = process.getBytes(StandardCharsets.UTF_8);
        this.paramMatch = Objects.requireNonNull(paramMatch, "paramMatch");
        this.fullCommand = fullCommand;
        if (parameters.isEmpty()) {
            this.params = null;
        } else {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (String p : parameters) {
                b.writeBytes(p.getBytes(StandardCharsets.UTF_8));
                b.write(0);
            }
            this.params = b.toByteArray();
        }
    }

    public static ProcessMatch of(TrackProcess p) {
        return new ProcessMatch(p.process(), p.parameters(), p.paramMatch(), p.fullCommand());
    }

    /** Whether the comm (stat) of processes is needed. */
    public boolean usesComm() {
        return !fullCommand;
    }

    /** How many cmdline bytes this match needs (keepalived: name + NUL + parameters, plus one to see more follows). */
    public int cmdlineBytes() {
        return fullCommand ? processBytes.length + 1 + (params == null ? 0 : params.length) + 1 : 0;
    }

    public String process() {
        return process;
    }

    public boolean matches(ProcEntry e) {
        if (e.zombie()) {
            return false;
        }
        if (!fullCommand) {
            return process.equals(e.comm());
        }
        byte[] cmd = e.cmdline();
        if (cmd == null) {
            return false;
        }
        int nul = 0;
        while (nul < cmd.length && cmd[nul] != 0) {
            nul++;
        }
        if (nul != processBytes.length || !Arrays.equals(cmd, 0, nul, processBytes, 0, nul)) {
            return false;
        }
        if (paramMatch == TrackProcess.ParamMatch.NONE) {
            return true;
        }
        int start = nul + 1;
        int len = cmd.length - start;
        if (len < 0) {
            return false;
        }
        return checkParams(cmd, start, len);
    }

    private boolean checkParams(byte[] cmd, int start, int len) {
        if (paramMatch == TrackProcess.ParamMatch.EXACT && params == null && len == 0) {
            return true;
        }
        int plen = params == null ? 0 : params.length;
        if (len < plen) {
            return false;
        }
        if (paramMatch == TrackProcess.ParamMatch.EXACT) {
            return len == plen && (params == null || Arrays.equals(cmd, start, start + plen, params, 0, plen));
        }
        if (params == null) {
            return true;
        }
        if (paramMatch == TrackProcess.ParamMatch.PARTIAL) {
            return Arrays.equals(cmd, start, start + plen, params, 0, plen);
        }
        return plen == 1 || Arrays.equals(cmd, start, start + plen - 1, params, 0, plen - 1);
    }
}
