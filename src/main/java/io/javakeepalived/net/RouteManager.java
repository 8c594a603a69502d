package io.javakeepalived.net;

import java.io.IOException;
import java.util.List;

/**
 * The kernel's routing tables and policy rules, as the daemon needs them: add and delete its
 * routes and rules, and list those marked {@link IpRoute#PROTO_KEEPALIVED} (what this daemon or
 * a killed predecessor installed). {@link Rtnetlink} is the real one. Failures are
 * {@link ErrnoException}s naming the request, e.g. {@code RTM_NEWROUTE 10.1.0.0/16 via 10.0.0.1
 * dev eth0 proto 18: Network is unreachable}; adding what is there fails with
 * {@link Errno#EEXIST}, deleting what is not with {@link ErrnoException#targetMissing()}.
 */
public interface RouteManager {
    void addRoute(IpRoute route) throws IOException;

    void deleteRoute(IpRoute route) throws IOException;

    void addRule(IpRule rule) throws IOException;

    void deleteRule(IpRule rule) throws IOException;

    /** The routes of every table, both families, with protocol {@link IpRoute#PROTO_KEEPALIVED}. */
    List<IpRoute> ourRoutes() throws IOException;

    /** The rules of both families with protocol {@link IpRoute#PROTO_KEEPALIVED}. */
    List<IpRule> ourRules() throws IOException;
}
