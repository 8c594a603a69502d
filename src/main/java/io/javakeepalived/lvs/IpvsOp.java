package io.javakeepalived.lvs;

import io.javakeepalived.net.IpvsDest;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsTable;

import java.io.IOException;
import java.util.Objects;

/**
 * One command to the IPVS table, as {@link TableDiff} plans them.
 *
 * @param dest the real server of a dest command; null for a service command
 */
record IpvsOp(Kind kind, IpvsService service, IpvsDest dest) {
    enum Kind { ADD_SERVICE, EDIT_SERVICE, DELETE_SERVICE, ADD_DEST, EDIT_DEST, DELETE_DEST }

    IpvsOp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
    }

    static IpvsOp on(Kind kind, IpvsService service) {
        return new IpvsOp(kind, service, null);
    }

    static IpvsOp on(Kind kind, IpvsService service, IpvsDest dest) {
        return new IpvsOp(kind, service, Objects.requireNonNull(dest, "dest"));
    }

    void applyTo(IpvsTable table) throws IOException {
        switch (kind) {
            case ADD_SERVICE -> table.addService(service);
            case EDIT_SERVICE -> table.editService(service);
            case DELETE_SERVICE -> table.deleteService(service);
            case ADD_DEST -> table.addDest(service, dest);
            case EDIT_DEST -> table.editDest(service, dest);
            case DELETE_DEST -> table.deleteDest(service, dest);
        }
    }

    /** {@code add service 10.0.0.1:tcp:80 rr}, {@code edit dest 10.0.0.1:tcp:80 -> 10.0.0.2:80 weight 0}. */
    String describe() {
        String verb = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (dest == null) {
            return verb + " " + service.key().describe() + (kind == Kind.DELETE_SERVICE ? "" : " " + service.scheduler());
        }
        return verb + " " + service.key().describe() + " -> " + dest.describe()
                + (kind == Kind.DELETE_DEST ? "" : " weight " + dest.weight());
    }
}
