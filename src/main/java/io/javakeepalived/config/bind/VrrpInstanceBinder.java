package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code vrrp_instance NAME { }} (keepalived/vrrp/vrrp_parser.c): reads the block into a new
 * draft - alloc_vrrp's defaults first, then the keywords in file order, then the checks of
 * vrrp_end_handler. The keywords are grouped by theme: {@link InstanceInterfaceKeywords},
 * {@link InstanceAddressKeywords}, {@link InstanceElectionKeywords},
 * {@link InstanceTrackingKeywords} and {@link InstanceNotifyKeywords}. What needs the whole
 * file (sync groups, defaults from other instances, VRID conflicts) is left to
 * {@link VrrpCompletion}.
 */
final class VrrpInstanceBinder {
    private VrrpInstanceBinder() {
    }

    /** Every keyword of a vrrp_instance block, put together from the themes. */
    static final KeywordTable<VrrpDrafts.Instance> TABLE = new KeywordTable<VrrpDrafts.Instance>("vrrp_instance")
            .with(InstanceInterfaceKeywords.KEYWORDS)
            .with(InstanceAddressKeywords.KEYWORDS)
            .with(InstanceElectionKeywords.KEYWORDS)
            .with(InstanceTrackingKeywords.KEYWORDS)
            .with(InstanceNotifyKeywords.KEYWORDS)
            .with(HeartbeatPathKeyword.KEYWORDS);

    /** vrrp_instance NAME { }: a name given once; the block is read into a new draft. */
    static void instance(ConfigNode n, BindContext c) throws ConfigFatalException {
        if (n.argCount() != 1) {
            c.error(n, "vrrp_instance must have a name, expected vrrp_instance NAME { } - skipping");
            return;
        }
        String name = n.arg(0);
        if (c.instance(name) != null) {
            c.error(n, "vrrp instance " + name + " already defined - skipping");
            return;
        }
        VrrpDrafts.Instance v = newInstance(name, n.location(), c);
        c.instances.add(v);
        TABLE.dispatch(v, n.children(), c);
        end(v, c);
    }

    /** alloc_vrrp: a new instance takes the global defaults as they are at this point. */
    static VrrpDrafts.Instance newInstance(String name, SourceLocation at, BindContext c) {
        GlobalDrafts.Global g = c.global;
        VrrpDrafts.Instance v = new VrrpDrafts.Instance();
        v.name = name;
        v.location = at;
        v.garpRep = g.garpRep;
        v.garpRefresh = g.garpRefresh;
        v.garpRefreshRep = g.garpRefreshRep;
        v.garpDelay = g.garpDelay;
        v.downTimerAdverts = g.downTimerAdverts;
        v.skipCheckAdvAddr = g.skipCheckAdvAddr;
        return v;
    }

    /** vrrp_end_handler: checks made when the instance's block closes. */
    static void end(VrrpDrafts.Instance v, BindContext c) {
        if (v.unicastConfigured && (v.vmac || v.ipvlan != null)) {
            if (v.interfaceName == null || !v.interfaceUsable) {
                c.error(v.location, "(" + v.name + "): Cannot use VMAC/ipvlan with unicast and no interface"
                        + " - clearing use_vmac");
                v.vmac = false;
                v.ipvlan = null;
                v.vmacName = null;
            } else if (!v.xmitBase) {
                c.error(v.location, "(" + v.name + ") unicast with use_vmac requires vmac_xmit_base - setting");
                v.xmitBase = true;
            }
        }
        if (v.peers.isEmpty() && v.ttl != -1) {
            c.error(v.location, "(" + v.name + "): Cannot use unicast_ttl without unicast peers - resetting");
            v.ttl = 0;
        }
        if (v.interfaceName == null) {
            v.linkbeatPolling = false;
        }
    }

    static void boolArg(VrrpDrafts.Instance v, ConfigNode n, BindContext c, String what, Consumer<Boolean> set,
                                boolean bare) {
        if (n.argCount() >= 1) {
            Optional<Boolean> b = Numbers.bool(n.arg(0));
            if (b.isEmpty()) {
                c.error(n, "(" + v.name + ") invalid " + what + " " + n.arg(0) + ", expected on/off - ignoring");
                return;
            }
            set.accept(b.get());
        } else {
            set.accept(bare);
        }
    }
}
