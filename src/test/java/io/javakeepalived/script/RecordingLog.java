package io.javakeepalived.script;

import java.util.ArrayList;
import java.util.List;

/** Keeps every line, with its level. */
public final class RecordingLog implements ScriptLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void log(Level level, String line) {
        lines.add(level + " " + line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines at INFO and WARNING only. */
    public synchronized List<String> visible() {
        return lines.stream().filter(l -> !l.startsWith("DEBUG ")).toList();
    }
}
