package io.javakeepalived.check.probe.http;

import io.javakeepalived.check.probe.CheckerStanding;
import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;

import java.util.List;
import java.util.function.Consumer;

/**
 * One attempt of an HTTP_GET / SSL_GET checker: its urls in order, each on a connection of its
 * own; the first url that fails ends the attempt, its failure line as the reason. Logs the
 * per-url success lines keepalived logs while the checker is down ({@link CheckerStanding}).
 */
final class HttpGetProbe implements Probe {
    private final HttpCheck check;
    private final List<UrlCheck> urls;
    private final CheckerStanding standing;
    private ProbeIo io;
    private Consumer<ProbeResult> done;
    private int next;
    private Exchange current;
    private boolean over;

    HttpGetProbe(HttpCheck check, List<UrlCheck> urls, CheckerStanding standing) {
        this.check = check;
        this.urls = urls;
        this.standing = standing;
    }

    @Override
    public void start(ProbeIo io, Consumer<ProbeResult> done) {
        this.io = io;
        this.done = done;
        nextUrl();
    }

    @Override
    public void abort() {
        over = true;
        if (current != null) {
            current.abort();
            current = null;
        }
    }

    private void nextUrl() {
        if (over) {
            return;
        }
        if (next == urls.size()) {
            // all passed; with no url at all keepalived counts the checker up without connecting
            report(ProbeResult.Success.plain());
            return;
        }
        UrlCheck url = urls.get(next++);
        current = new Exchange(check, url, io, verdict -> urlDone(url, verdict));
        current.start();
    }

    private void urlDone(UrlCheck url, UrlVerdict verdict) {
        current = null;
        if (over) {
            return;
        }
        if (verdict instanceof UrlVerdict.Pass pass) {
            if (!standing.up()) {
                io.log(pass.what() + " success to " + check.label() + " url(" + url.path() + ")");
            }
            nextUrl();
        } else {
            // keepalived's timeout_epilog line; the engine logs it when log_all_failures asks for it
            UrlVerdict.Fail fail = (UrlVerdict.Fail) verdict;
            report(new ProbeResult.Failure(fail.failure().logLine(check.label())));
        }
    }

    private void report(ProbeResult result) {
        over = true;
        done.accept(result);
    }
}
