package io.javakeepalived.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link IpvsTable} over generic netlink, in the network namespace it was opened in. Opening
 * resolves the "IPVS" family (which makes the kernel load ip_vs if it can), so a kernel without
 * IPVS fails here, once, with keepalived's wording. The same channel starts and stops the
 * connection-sync daemons. Requests block for the kernel's ACK (5 s at
 * most). Methods are synchronized: any thread may call.
 */
public final class IpvsNetlink implements IpvsTable, IpvsSyncDaemons {
    private static final int TIMEOUT_MS = 5000;

    private final NetlinkExchange exchange;
    private final int family;

    private IpvsNetlink(NetlinkExchange exchange, int family) {
        this.exchange = exchange;
        this.family = family;
    }

    /** Opens the channel and resolves the IPVS family; fails when the kernel has no IPVS. */
    public static IpvsNetlink open() throws IOException {
        NetlinkExchange exchange = new NetlinkExchange(new NetlinkSocket(Sys.NETLINK_GENERIC, 0, false, 0, TIMEOUT_MS),
                1024);
        int[] id = {-1};
        try {
            exchange.request((b, s) -> GenlCodec.encodeGetFamily(b, 0, s, IpvsCodec.FAMILY_NAME),
                    () -> "IPVS: Can't initialize ipvs", (b, off) -> {
                        if (GenlCodec.command(b, off) == GenlCodec.CTRL_CMD_NEWFAMILY) {
                            id[0] = GenlCodec.decodeFamilyId(b, off);
                        }
                    });
        } catch (IOException e) {
            exchange.close();
            throw e;
        }
        if (id[0] < 0) {
            exchange.close();
            throw new ErrnoException("IPVS: Can't initialize ipvs (no family id in the answer)", Errno.ENOENT);
        }
        return new IpvsNetlink(exchange, id[0]);
    }

    @Override
    public synchronized List<IpvsService> services() throws IOException {
        List<IpvsService> out = new ArrayList<>();
        dump(IpvsCommand.GET_SERVICES, (b, s) -> IpvsCodec.encodeDumpServices(b, 0, family, s), (b, off) -> {
            IpvsService svc = IpvsCodec.decodeService(b, off);
            if (svc != null) {
                out.add(svc);
            }
        }, out::clear, "");
        return out;
    }

    @Override
    public synchronized List<IpvsDest> dests(IpvsServiceKey service) throws IOException {
        List<IpvsDest> out = new ArrayList<>();
        dump(IpvsCommand.GET_DESTS, (b, s) -> IpvsCodec.encodeDumpDests(b, 0, family, s, service), (b, off) -> {
            IpvsDest d = IpvsCodec.decodeDest(b, off, service.ipv6());
            if (d != null) {
                out.add(d);
            }
        }, out::clear, service.describe());
        return out;
    }

    @Override
    public synchronized void addService(IpvsService service) throws IOException {
        service(IpvsCommand.ADD_SERVICE, service);
    }

    @Override
    public synchronized void editService(IpvsService service) throws IOException {
        service(IpvsCommand.EDIT_SERVICE, service);
    }

    @Override
    public synchronized void deleteService(IpvsService service) throws IOException {
        service(IpvsCommand.DELETE_SERVICE, service);
    }

    @Override
    public synchronized void addDest(IpvsService service, IpvsDest dest) throws IOException {
        dest(IpvsCommand.ADD_DEST, service, dest);
    }

    @Override
    public synchronized void editDest(IpvsService service, IpvsDest dest) throws IOException {
        dest(IpvsCommand.EDIT_DEST, service, dest);
    }

    @Override
    public synchronized void deleteDest(IpvsService service, IpvsDest dest) throws IOException {
        dest(IpvsCommand.DELETE_DEST, service, dest);
    }

    @Override
    public synchronized void flush() throws IOException {
        send(IpvsCommand.FLUSH, (b, s) -> IpvsCodec.encodeBare(b, 0, family, s, IpvsCommand.FLUSH), "");
    }

    @Override
    public synchronized IpvsTimeouts timeouts() throws IOException {
        IpvsTimeouts[] t = {null};
        try {
            exchange.request((b, s) -> IpvsCodec.encodeBare(b, 0, family, s, IpvsCommand.GET_TIMEOUT), () -> "",
                    (b, off) -> t[0] = IpvsCodec.decodeTimeouts(b, off));
        } catch (ErrnoException e) {
            throw new IpvsException(IpvsCommand.GET_TIMEOUT, e.errno(), "");
        }
        return t[0] != null ? t[0] : new IpvsTimeouts(0, 0, 0);
    }

    @Override
    public synchronized void setTimeouts(IpvsTimeouts timeouts) throws IOException {
        send(IpvsCommand.SET_TIMEOUT, (b, s) -> IpvsCodec.encodeSetTimeouts(b, 0, family, s, timeouts), "");
    }

    @Override
    public synchronized void startDaemon(IpvsSyncDaemon daemon) throws IOException {
        daemon(IpvsCommand.START_DAEMON, daemon);
    }

    @Override
    public synchronized void stopDaemon(IpvsSyncDaemon daemon) throws IOException {
        daemon(IpvsCommand.STOP_DAEMON, daemon);
    }

    private void daemon(IpvsCommand cmd, IpvsSyncDaemon daemon) throws IOException {
        send(cmd, (b, s) -> IpvsCodec.encodeDaemon(b, 0, family, s, cmd, daemon), "");
    }

    private void service(IpvsCommand cmd, IpvsService service) throws IOException {
        send(cmd, (b, s) -> IpvsCodec.encodeService(b, 0, family, s, cmd, service), service.key().describe());
    }

    private void dest(IpvsCommand cmd, IpvsService service, IpvsDest dest) throws IOException {
        send(cmd, (b, s) -> IpvsCodec.encodeDest(b, 0, family, s, cmd, service, dest),
                service.key().describe() + " -> " + dest.describe());
    }

    /** One command and its ACK; the kernel's refusal in keepalived's words. */
    private void send(IpvsCommand cmd, NetlinkExchange.Encoder encoder, String subject) throws IOException {
        try {
            exchange.request(encoder, () -> subject);
        } catch (ErrnoException e) {
            throw new IpvsException(cmd, e.errno(), subject);
        }
    }

    private void dump(IpvsCommand cmd, NetlinkExchange.Encoder encoder, NetlinkExchange.Handler h, Runnable reset,
                      String subject) throws IOException {
        try {
            exchange.dump(encoder, family, cmd.socketOptionName(), h, reset);
        } catch (ErrnoException e) {
            throw new IpvsException(cmd, e.errno(), subject);
        }
    }

    @Override
    public synchronized void close() {
        exchange.close();
    }
}
