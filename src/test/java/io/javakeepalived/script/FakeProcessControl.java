package io.javakeepalived.script;

import io.javakeepalived.sys.OutputPipe;
import io.javakeepalived.sys.ProcessControl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Processes that exist only in this object; the test decides when and how they end. */
final class FakeProcessControl implements ProcessControl {
    record Spawned(long pid, String path, List<String> argv, List<String> env, OutputPipe output) {
    }

    final LinkedBlockingQueue<Spawned> spawned = new LinkedBlockingQueue<>();
    final List<String> calls = new ArrayList<>();
    private final Map<Long, CompletableFuture<Exit>> exits = new ConcurrentHashMap<>();
    /** What a signal to a live leader does: null keeps it running. */
    volatile IntFunction<Exit> onSignal = sig -> new Exit(true, sig, false);
    volatile boolean groupHasLiveMembers;
    /** Paths {@link #openReadOnlyAs} fails for, with the error it gives. */
    final Map<String, String> unopenable = new ConcurrentHashMap<>();
    private long nextPid = 1000;

    @Override
    public OutputPipe outputPipe() {
        return new OutputPipe() {
            @Override
            public int read(byte[] buffer) {
                return -1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized long spawn(String path, List<String> argv, List<String> env, OutputPipe output) {
        long pid = nextPid++;
        exits.put(pid, new CompletableFuture<>());
        calls.add("spawn " + pid);
        spawned.add(new Spawned(pid, path, argv, env, output));
        return pid;
    }

    Spawned nextSpawn() throws InterruptedException {
        Spawned s = spawned.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("nothing was spawned");
        }
        return s;
    }

    void exit(long pid, Exit e) {
        exits.get(pid).complete(e);
    }

    @Override
    public Exit awaitExit(long pid) {
        return exits.get(pid).join();
    }

    @Override
    public synchronized void reap(long pid) {
        calls.add("reap " + pid);
    }

    @Override
    public boolean signalGroup(long pgid, int signal) {
        synchronized (this) {
            calls.add("kill -" + signal + " -" + pgid);
        }
        Exit e = onSignal.apply(signal);
        if (e != null) {
            exits.get(pgid).complete(e);
        }
        return true;
    }

    @Override
    public boolean groupHasLiveMembers(long pgid) {
        return groupHasLiveMembers;
    }

    @Override
    public Optional<String> openReadOnlyAs(String path, int uid, int gid) {
        synchronized (this) {
            calls.add("open " + path + " as " + uid + ":" + gid);
        }
        return Optional.ofNullable(unopenable.get(path));
    }

    @Override
    public int uid() {
        return 0;
    }

    @Override
    public int gid() {
        return 0;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
