package io.javakeepalived.net;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The kernel's IPVS table in the network namespace it was opened in: services and their real
 * servers (dests), the connection timeouts. What ipvsadm does, over generic netlink. Every
 * failure the kernel reports is an {@link IpvsException} worded as keepalived logs it.
 */
public interface IpvsTable extends Closeable {

    List<IpvsService> services() throws IOException;

    List<IpvsDest> dests(IpvsServiceKey service) throws IOException;

    void addService(IpvsService service) throws IOException;

    /** Changes scheduler, flags or persistence of the service with the same key. */
    void editService(IpvsService service) throws IOException;

    /** Deletes the service and, with it, all its dests. */
    void deleteService(IpvsService service) throws IOException;

    void addDest(IpvsService service, IpvsDest dest) throws IOException;

    /** Changes weight, forwarding, thresholds or tunnel of the dest with the same address and port. */
    void editDest(IpvsService service, IpvsDest dest) throws IOException;

    void deleteDest(IpvsService service, IpvsDest dest) throws IOException;

    /** Deletes every service (ipvsadm -C). */
    void flush() throws IOException;

    IpvsTimeouts timeouts() throws IOException;

    void setTimeouts(IpvsTimeouts timeouts) throws IOException;

    @Override
    void close();
}
