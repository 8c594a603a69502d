package io.javakeepalived.daemon.sched;

import io.javakeepalived.sys.ThreadScheduler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A kernel that writes down what it was asked, and refuses what it is told to (as without CAP_SYS_NICE). */
final class RecordingScheduler implements ThreadScheduler {
    final List<String> calls = new ArrayList<>();
    final Set<String> refused;
    Runnable overuse;

    RecordingScheduler(String... refused) {
        this.refused = Set.of(refused);
    }

    @Override
    public int currentThread() {
        return 4242;
    }

    @Override
    public void nameCurrentThread(String name) {
        calls.add("name " + name);
    }

    @Override
    public void setNice(int tid, int nice) throws IOException {
        call("nice", tid + " " + nice);
    }

    @Override
    public void setRoundRobin(int tid, int priority) throws IOException {
        call("rr", tid + " " + priority);
    }

    @Override
    public void limitRealtime(long softMicros, long hardMicros) throws IOException {
        call("rttime", softMicros + "/" + hardMicros);
    }

    @Override
    public void onRealtimeOveruse(Runnable warning) {
        overuse = warning;
    }

    @Override
    public void lockMemory() throws IOException {
        call("mlockall", "");
    }

    @Override
    public void setAffinity(int tid, List<Integer> cpus) throws IOException {
        call("affinity", tid + " " + cpus);
    }

    private void call(String what, String args) throws IOException {
        if (refused.contains(what)) {
            throw new IOException("Operation not permitted");
        }
        calls.add((what + " " + args).strip());
    }
}
