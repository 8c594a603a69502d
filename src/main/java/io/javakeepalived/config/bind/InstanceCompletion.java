package io.javakeepalived.config.bind;

import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.InterfaceInfo;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * keepalived's vrrp_complete_instance (vrrp.c) as a list of named checks, run top to bottom
 * in keepalived's order: each check fills a default or corrects a setting, with keepalived's
 * message. A check that would make keepalived's function return false calls {@link #stop},
 * and the VRRP process does not start; the order matters because a later check reads what an
 * earlier one settled (the version, the priority, unicast or not).
 */
final class InstanceCompletion {
    private final BindContext c;
    private final GlobalDefs.VrrpGlobals g;
    private final InstanceInterfaceChecks ifs;
    private Diagnostic stopped;

    /** The checks in the order vrrp_complete_instance makes them. */
    private final List<Consumer<VrrpDrafts.Instance>> checks;

    InstanceCompletion(BindContext c, GlobalDefs.VrrpGlobals globals) {
        this.c = c;
        this.g = globals;
        this.ifs = new InstanceInterfaceChecks(c);
        checks = List.of(
                this::familyAndVersion,
                this::vipsRequiredForVersion3,
                this::priorityDefault,
                this::initialStateMatchesOwnership,
                this::authentication,
                v -> HeartbeatPathKeyword.complete(v, c),
                this::interfaceOrSource,
                this::unicastWithoutPeers,
                ifs::strictClearsVmacAddress,
                ifs::vmacNeedsEthernet,
                ifs::multicastCapableInterface,
                ifs::firstIpv6VipLinkLocal,
                ifs::vrfNeedsUnicastWithoutInterface,
                ifs::vipsFitInOnePacket,
                this::preemption,
                this::downTimerAdverts,
                this::acceptMode,
                this::unicastHasNoMulticastDestination,
                this::lowerPriorityGarps,
                this::lowerPriorityAdverts,
                this::advertisementInterval,
                ifs::vmacOptions,
                ifs::ipvlanNeedsIpv4Source,
                ifs::ownInterfaceNotTracked,
                ifs::xmitBaseNeedsVmac,
                ifs::vipDevices,
                this::garpExtraInterfaces,
                this::vipsRequired,
                this::noWeightsForOwnerOrSyncGroup);
    }

    /** Runs the checks; the failure when keepalived's VRRP process would not start. */
    Optional<Diagnostic> complete(VrrpDrafts.Instance v) {
        stopped = null;
        for (Consumer<VrrpDrafts.Instance> check : checks) {
            check.accept(v);
            if (stopped != null) {
                return Optional.of(stopped);
            }
        }
        return Optional.empty();
    }

    private void stop(SourceLocation at, String message) {
        stopped = c.fail(at, message);
    }

    /** The instance as keepalived's messages name it. */
    static String n(VrrpDrafts.Instance v) {
        return "(" + v.name + ")";
    }

    static boolean isUnicast(VrrpDrafts.Instance v) {
        return v.unicastConfigured && !v.peers.isEmpty();
    }

    static Optional<InterfaceInfo> interfaceInfo(BindContext c, VrrpDrafts.Instance v) {
        return v.interfaceName == null ? Optional.empty() : c.interfaceInfo(v.interfaceName);
    }

    private static VrrpDrafts.WantState stateForPriority(int priority) {
        return priority == 255 ? VrrpDrafts.WantState.MASTER : VrrpDrafts.WantState.BACKUP;
    }

    // ------------------------------------------------------------------ version and addresses

    /** strict from global_defs unless set; IPv6 means VRRPv3 (RFC 5798 only); TTL 255 for IPv4. */
    private void familyAndVersion(VrrpDrafts.Instance v) {
        v.strict = v.strict != null ? v.strict : g.strict();
        if (v.family == AddressFamily.IPV6) {
            if (v.version == 2 && v.strict) {
                c.error(v.location, n(v) + " cannot use IPv6 with VRRP version 2; setting version 3");
                v.version = 3;
            } else if (v.version == 0) {
                v.version = 3;
            }
        }
        if (v.family == null) {
            v.family = AddressFamily.IPV4;
        }
        if (v.version == 0) {
            v.version = v.family == AddressFamily.IPV6 ? 3 : g.version();
        }
        if (v.family == AddressFamily.IPV4 && v.ttl == -1) {
            v.ttl = 255;
        }
    }

    /** RFC 5798 requires at least one address; keepalived's strict mode requires it for v2 too. */
    private void vipsRequiredForVersion3(VrrpDrafts.Instance v) {
        if (!v.vips.isEmpty()) {
            return;
        }
        if (v.version == 3 || v.strict) {
            v.priority = v.priority == 0 ? (v.want == VrrpDrafts.WantState.MASTER ? 255 : 100) : v.priority;
            stop(v.location, n(v) + " No VIP specified; at least one is required (VRRPv3 / strict mode), expected a"
                    + " virtual_ipaddress block");
            return;
        }
        c.error(v.location, n(v) + " No VIP specified; at least one is sensible");
    }

    /** An instance configured MASTER without a priority is the address owner (255). */
    private void priorityDefault(VrrpDrafts.Instance v) {
        if (v.priority == 0) {
            v.priority = v.want == VrrpDrafts.WantState.MASTER ? 255 : 100;
        }
    }

    /** Only the address owner starts as MASTER; strict mode corrects a state that disagrees. */
    private void initialStateMatchesOwnership(VrrpDrafts.Instance v) {
        if (v.want == VrrpDrafts.WantState.INIT) {
            v.want = stateForPriority(v.priority);
        } else if (v.strict && ((v.want == VrrpDrafts.WantState.MASTER) != (v.priority == 255))) {
            c.error(v.location, n(v) + " State MASTER must match being address owner (priority 255) in strict mode"
                    + " - using " + (v.priority == 255 ? "MASTER" : "BACKUP"));
            v.want = stateForPriority(v.priority);
        }
    }

    /** RFC 5798 removed authentication: strict mode and VRRPv3 drop it; AH needs IPv4. */
    private void authentication(VrrpDrafts.Instance v) {
        if (v.authType == null) {
            return;
        }
        String n = n(v);
        if (v.strict) {
            c.error(v.location, n + " Strict mode does not support authentication. Ignoring.");
            v.authType = null;
        } else if (v.version == 3) {
            c.error(v.location, n + " VRRP version 3 does not support authentication. Ignoring.");
            v.authType = null;
        } else if (v.authPass.isEmpty()) {
            c.error(v.location, n + " Authentication specified but no password given, expected auth_pass. Ignoring");
            v.authType = null;
        } else if (v.family == AddressFamily.IPV6 && v.authType == VrrpInstance.AuthType.AH) {
            c.error(v.location, n + " Cannot use AH authentication with IPv6. ignoring");
            v.authType = null;
        } else if (v.authType == VrrpInstance.AuthType.AH && v.want == VrrpDrafts.WantState.MASTER
                && v.priority != 255) {
            c.error(v.location, n + " Initial state master is incompatible with AH authentication - clearing"
                    + " (starting as BACKUP)");
            v.want = VrrpDrafts.WantState.BACKUP;
        }
    }

    /** Without an interface the source address is the only way to pick where adverts leave. */
    private void interfaceOrSource(VrrpDrafts.Instance v) {
        if (v.interfaceName == null && v.saddr == null) {
            stop(v.location, n(v) + ": Unicast instances must have unicast_src_ip or interface");
        }
    }

    /** unicast keywords without a peer: fault state if asked, multicast (deprecated) otherwise. */
    private void unicastWithoutPeers(VrrpDrafts.Instance v) {
        if (!v.unicastConfigured || !v.peers.isEmpty()) {
            return;
        }
        if (v.unicastFaultNoPeer) {
            c.note(v.location, n(v) + " Cannot use unicast without any peers - going to fault state");
            v.configFaults++;
        } else {
            c.deprecated(v.location, n(v) + " A unicast keyword has been specified without any unicast peers."
                    + " Defaulting to multicast. This usage is deprecated - please add unicast_peer or remove the"
                    + " unicast keywords");
        }
    }

    // ------------------------------------------------------------------ protocol options

    /** The address owner always preempts; nopreempt and preempt_delay only make sense from BACKUP. */
    private void preemption(VrrpDrafts.Instance v) {
        String n = n(v);
        if (v.priority == 255 && v.nopreempt) {
            c.error(v.location, n + " nopreempt is incompatible with priority 255. resetting nopreempt");
            v.nopreempt = false;
        }
        if (v.want == VrrpDrafts.WantState.MASTER) {
            if (v.nopreempt) {
                c.error(v.location, n + " Warning - nopreempt will not work with initial state MASTER - clearing (use"
                        + " state BACKUP with nopreempt)");
                v.nopreempt = false;
            }
            if (v.preemptDelay != 0) {
                c.error(v.location, n + " Warning - preempt delay will not work with initial state MASTER - clearing");
                v.preemptDelay = 0;
            }
        }
        if (v.preemptDelay != 0) {
            if (v.strict) {
                c.error(v.location, n + " preempt_delay is incompatible with strict mode - resetting");
                v.preemptDelay = 0;
            }
            if (v.nopreempt) {
                c.error(v.location, n + " preempt_delay is incompatible with nopreempt mode - resetting");
                v.preemptDelay = 0;
            }
        }
    }

    /** RFC 5798's Master_Down_Interval is three advertisement intervals. */
    private void downTimerAdverts(VrrpDrafts.Instance v) {
        if (v.downTimerAdverts != 3 && v.strict) {
            c.error(v.location, n(v) + " down_timer_adverts is incompatible with strict mode - resetting to 3");
            v.downTimerAdverts = 3;
        }
    }

    /** RFC 3768 (VRRPv2) has no Accept_Mode: a non-owner never accepts packets for the VIPs. */
    private void acceptMode(VrrpDrafts.Instance v) {
        if (v.accept == null) {
            v.accept = v.priority == 255 || !v.strict;
        }
        if (v.accept && v.priority != 255 && v.strict && v.version == 2) {
            c.error(v.location, n(v) + " warning - accept mode for VRRP version 2 does not comply with RFC3768"
                    + " - resetting");
            v.accept = false;
        }
    }

    private void unicastHasNoMulticastDestination(VrrpDrafts.Instance v) {
        if (isUnicast(v) && v.mcastDst != null) {
            c.error(v.location, n(v) + " multicast destination specified with unicast - ignoring");
            v.mcastDst = null;
        }
    }

    /** Repeated gratuitous ARPs on a lower-priority advert are keepalived's addition; strict forbids them. */
    private void lowerPriorityGarps(VrrpDrafts.Instance v) {
        if (v.garpLowerPrioRep == null) {
            v.garpLowerPrioRep = v.strict ? 0 : g.garpLowerPrioRepeat();
        } else if (v.strict && v.garpLowerPrioRep != 0) {
            c.error(v.location, n(v) + " Strict mode requires no repeat garps. resetting");
            v.garpLowerPrioRep = 0;
        }
        if (v.garpLowerPrioDelay == null) {
            v.garpLowerPrioDelay = v.strict ? 0 : g.garpLowerPrioDelay().toNanos() / 1000;
        } else if (v.strict && v.garpLowerPrioDelay != 0) {
            c.error(v.location, n(v) + " Strict mode requires no repeat garp delay. resetting");
            v.garpLowerPrioDelay = 0L;
        }
    }

    /** RFC 5798 6.4.3: a master receiving a lower priority advert sends none back (strict). */
    private void lowerPriorityAdverts(VrrpDrafts.Instance v) {
        if (v.lowerPrioNoAdvert == null) {
            v.lowerPrioNoAdvert = v.strict || g.lowerPrioNoAdvert();
        } else if (v.strict && !v.lowerPrioNoAdvert) {
            c.error(v.location, n(v) + " Strict mode requires no lower priority advert. resetting");
            v.lowerPrioNoAdvert = true;
        }
        if (v.higherPrioSendAdvert == null) {
            v.higherPrioSendAdvert = !v.strict && g.higherPrioSendAdvert();
        } else if (v.strict && v.higherPrioSendAdvert) {
            c.error(v.location, n(v) + " strict mode requires higher_prio_send_advert to be clear. resetting");
            v.higherPrioSendAdvert = false;
        }
    }

    /**
     * The interval on the wire: VRRPv2 carries whole seconds (8 bits), VRRPv3 centiseconds
     * (12 bits); keepalived clamps to the field and rounds to its unit.
     */
    private void advertisementInterval(VrrpDrafts.Instance v) {
        if (v.advertInt == 0) {
            v.advertInt = Numbers.TIMER_HZ;
        }
        if (v.version == 2) {
            long hz = Numbers.TIMER_HZ;
            if (v.advertInt >= 256 * hz) {
                c.error(v.location, n(v) + " VRRPv2 advertisement interval " + seconds2(v.advertInt) + "s is out of"
                        + " range. Must be less than 256s. Setting to 255s");
                v.advertInt = 255 * hz;
            } else if (v.advertInt % hz != 0) {
                c.error(v.location, n(v) + " VRRPv2 advertisement interval " + Text.seconds(
                        Numbers.micros(v.advertInt)) + "s must be an integer. rounding");
                v.advertInt = roundTo(v.advertInt, hz);
            }
        } else {
            long centi = Numbers.TIMER_HZ / 100;
            if (v.advertInt >= 4096 * centi) {
                c.error(v.location, n(v) + " VRRPv3 advertisement interval " + seconds2(v.advertInt) + "s is out of"
                        + " range. Must be less than 40.96s. Setting to 40.95s");
                v.advertInt = 4095 * centi;
            } else if (v.advertInt % centi != 0) {
                c.error(v.location, n(v) + " VRRPv3 advertisement interval " + Text.seconds(
                        Numbers.micros(v.advertInt)) + "s must be in units of 10ms - rounding");
                v.advertInt = roundTo(v.advertInt, centi);
            }
        }
    }

    /** To the nearest unit, never to 0. */
    private static long roundTo(long micros, long unit) {
        long rounded = micros + unit / 2;
        rounded -= rounded % unit;
        return rounded == 0 ? unit : rounded;
    }

    private static String seconds2(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1e6);
    }

    private void garpExtraInterfaces(VrrpDrafts.Instance v) {
        if (v.garpExtraIf == null) {
            v.garpExtraIf = g.garpExtraIfInterval();
            if (g.garpExtraIfAll()) {
                v.garpExtraIfAll = true;
            }
        }
    }

    /** Checked again once the addresses are settled (keepalived checks both places). */
    private void vipsRequired(VrrpDrafts.Instance v) {
        if (!v.vips.isEmpty()) {
            return;
        }
        if (v.version == 3 || v.family == AddressFamily.IPV6 || v.strict) {
            stop(v.location, n(v) + " No VIP specified; at least one is required, expected a virtual_ipaddress block");
            return;
        }
        c.warning(v.location, n(v) + " No VIP specified; at least one is sensible");
    }

    /**
     * The address owner's priority is fixed at 255, and a sync group without tracking weights
     * moves its members together: weights of tracked objects cannot apply to either.
     */
    private void noWeightsForOwnerOrSyncGroup(VrrpDrafts.Instance v) {
        boolean syncNoWeight = v.sync != null && !v.sync.trackingWeight;
        if (syncNoWeight || v.priority == 255) {
            new TrackerWeights(c, n(v), syncNoWeight).clear(v.trackers);
        }
    }
}
