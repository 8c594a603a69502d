package io.javakeepalived.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;

/**
 * The {@link VipDropRules} table in the kernel, as the daemon drives it: installed at start,
 * VIPs put in its drop set while a non-accepting master holds them, deleted at stop.
 * {@link NfTablesVipDrop} is the real one (nf_tables over netlink); a test may fake it.
 */
public interface VipDropTable extends Closeable {

    /**
     * Installs the table empty, replacing one of the same name (a killed predecessor's).
     *
     * @return whether a table of that name was there before
     */
    boolean install() throws IOException;

    /** Puts the addresses in the drop set (no error if one is there). */
    void drop(List<Inet4Address> addresses) throws IOException;

    /** Takes the addresses out of the drop set (each must be there). */
    void accept(List<Inet4Address> addresses) throws IOException;

    /** Deletes the table (no error if it is gone). */
    void delete() throws IOException;

    @Override
    void close();
}
