package io.javakeepalived.lvs;

import io.javakeepalived.net.IpvsDest;
import io.javakeepalived.net.IpvsServiceKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fewest IPVS commands that turn {@code current} into {@code desired}. A dest (real server)
 * in both is edited when anything about it changed and left alone otherwise - never deleted and
 * added back, which would cut the connections through it; the same for a service. Order: new and
 * changed services, then the dests that go, the ones that change, the ones that come, and last
 * the services that go (with whatever dests they still hold).
 */
final class TableDiff {
    private TableDiff() {
    }

    static List<IpvsOp> between(TableState current, TableState desired) {
        List<IpvsOp> services = new ArrayList<>();
        List<IpvsOp> gone = new ArrayList<>();
        List<IpvsOp> edited = new ArrayList<>();
        List<IpvsOp> added = new ArrayList<>();
        desired.services().forEach((key, want) -> {
            TableState.Entry have = current.services().get(key);
            if (have == null) {
                services.add(IpvsOp.on(IpvsOp.Kind.ADD_SERVICE, want.service()));
                want.dests().forEach(d -> added.add(IpvsOp.on(IpvsOp.Kind.ADD_DEST, want.service(), d)));
                return;
            }
            if (!have.service().equals(want.service())) {
                services.add(IpvsOp.on(IpvsOp.Kind.EDIT_SERVICE, want.service()));
            }
            for (IpvsDest d : have.dests()) {
                if (find(want.dests(), d).isEmpty()) {
                    gone.add(IpvsOp.on(IpvsOp.Kind.DELETE_DEST, want.service(), d));
                }
            }
            for (IpvsDest d : want.dests()) {
                Optional<IpvsDest> was = find(have.dests(), d);
                if (was.isEmpty()) {
                    added.add(IpvsOp.on(IpvsOp.Kind.ADD_DEST, want.service(), d));
                } else if (!was.get().equals(d)) {
                    edited.add(IpvsOp.on(IpvsOp.Kind.EDIT_DEST, want.service(), d));
                }
            }
        });
        List<IpvsOp> out = new ArrayList<>(services);
        out.addAll(gone);
        out.addAll(edited);
        out.addAll(added);
        for (IpvsServiceKey key : current.services().keySet()) {
            if (!desired.services().containsKey(key)) {
                out.add(IpvsOp.on(IpvsOp.Kind.DELETE_SERVICE, current.services().get(key).service()));
            }
        }
        return out;
    }

    private static Optional<IpvsDest> find(List<IpvsDest> dests, IpvsDest like) {
        return dests.stream().filter(like::sameServer).findFirst();
    }
}
