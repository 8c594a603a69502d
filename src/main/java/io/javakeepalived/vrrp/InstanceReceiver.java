package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.AdvertValidator;
import io.javakeepalived.vrrp.packet.ReceivePolicy;
import io.javakeepalived.vrrp.packet.ReceivePolicy.OldUnicastChecksum;
import io.javakeepalived.vrrp.packet.ReceivedPacket;
import io.javakeepalived.vrrp.packet.Rejection;
import io.javakeepalived.vrrp.packet.UnicastPeer;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The wire side of one {@link VrrpInstance}: turns received packets into the instance's
 * events, and holds the templates its adverts are sent with. Both are derived from the
 * instance's current {@link InstanceSettings} (rebuilt by themselves after a
 * {@link Event.Reload}), so what we accept and what we send follow one description.
 *
 * <p>Receive: {@link #receive(ReceivedPacket)} validates the packet against the
 * {@link ReceivePolicy} (keepalived's {@code vrrp_check_packet()}) and returns the
 * {@link Event} to hand to {@link VrrpInstance#handle}: {@link Event.AdvertReceived} or
 * {@link Event.AdvertRejected} carrying keepalived's text and reason. The instance counts and
 * logs it, so one counter set and one log stream exist per instance. Usually reached through
 * a {@link VridDemultiplexer}, which also drops packets while the instance is INIT or FAULT.
 *
 * <p>Run-time state kept here, as keepalived keeps it:
 * <ul>
 * <li>{@link ReceivePolicy#lastMasterAddress()} follows {@link VrrpInstance#masterAddress()}
 *     (keepalived's {@code master_saddr}: last advert a BACKUP accepted or discarded as lower
 *     priority), and is null while MASTER, which always checks the address list.</li>
 * <li>The AH sequence counter ({@link VrrpInstance#ahSequence()}): the floor received AH
 *     adverts must be above, raised by each one that passes the AH check.</li>
 * <li>Old unicast checksum: when a VRRPv3 unicast advert only verifies with the pre-1.3.6
 *     checksum and detection is allowed, the policy switches to DETECTED and the send
 *     templates are rebuilt with the multicast group as checksum destination; the event says
 *     so and the instance logs {@code (name) Setting unicast VRRPv3 checksum to old version}.
 *     The switch survives a reload that keeps {@code old_unicast_checksum} at its default.</li>
 * </ul>
 *
 * <p>Send: {@link #sendTemplates()} - one {@link AdvertTemplate} to the multicast group or one
 * per unicast peer; for {@link Action.SendAdvert} write each with the action's priority
 * ({@link Action.SendPriorityZeroAdvert}: 0). Always ask for the list at send time: it changes
 * on reload and on checksum detection.
 *
 * <p>Not thread-safe: owned by the loop that owns the instance. An accepted advert allocates
 * nothing when it says what the previous one said (the event is reused); a rejected one its
 * event and text. Policy and templates are rebuilt only when they change.
 */
public final class InstanceReceiver {

    private final VrrpInstance instance;
    private InstanceSettings builtFrom;
    private VridDemultiplexer.SocketKey socket;
    private ReceivePolicy policy;
    private boolean oldChecksum;
    private List<AdvertTemplate> templates;
    private Event.AdvertReceived lastAccepted;

    public InstanceReceiver(VrrpInstance instance) {
        this.instance = Objects.requireNonNull(instance, "instance");
        refresh();
    }

    public VrrpInstance instance() {
        return instance;
    }

    /** The socket whose packets this instance reads: family, interface, unicast or multicast. */
    public VridDemultiplexer.SocketKey socket() {
        refresh();
        return socket;
    }

    public int vrid() {
        return instance.settings().vrid();
    }

    /**
     * False while the instance is INIT or FAULT: keepalived's dispatcher ignores its packets
     * then, silently and uncounted.
     */
    public boolean accepting() {
        VrrpState s = instance.state();
        return s == VrrpState.BACKUP || s == VrrpState.MASTER;
    }

    /**
     * Validates a packet for this instance (its VRID is known to match) and returns the event
     * for {@link VrrpInstance#handle}. Never throws on packet content.
     */
    public Event receive(ReceivedPacket packet) {
        ReceivePolicy p = policy();
        AhSequenceNumber sequence = instance.ahSequence();
        Rejection r = AdvertValidator.rejection(packet, p, sequence.value());
        if (packet.authHeader() && (r == null || AdvertValidator.passedAuthentication(r))) {
            // keepalived raises its counter as soon as the AH check passes, whatever comes after
            sequence.accepted(packet.ahSequence(), instance.state() == VrrpState.BACKUP);
        }
        if (r != null) {
            return new Event.AdvertRejected(packet.source(), r.message(), r.reason());
        }
        boolean switched = false;
        if (!oldChecksum && AdvertValidator.switchesToOldUnicastChecksum(packet, p)) {
            oldChecksum = true;
            policy = policy.withOldUnicastChecksum(OldUnicastChecksum.DETECTED);
            templates = builtFrom.advertTemplates(true);
            switched = true;
        }
        return accepted(packet.source(), packet.priority(), packet.advertIntervalCentis(), switched,
                packet.ahSequence());
    }

    /**
     * The event for an accepted advert: the previous one again when it says the same (one
     * master's adverts do, and the receive view hands out the same source object for them), so
     * that a steady stream of adverts allocates no events (issue 14). Events are values: the
     * instance never tells two equal ones apart.
     */
    private Event.AdvertReceived accepted(InetAddress source, int priority, int intervalCs, boolean switched,
                                          long ahSequence) {
        Event.AdvertReceived last = lastAccepted;
        if (last == null || last.source() != source || last.priority() != priority
                || last.advertIntervalCs() != intervalCs || last.switchedToOldUnicastChecksum() != switched
                || last.ahSequence() != ahSequence) {
            last = new Event.AdvertReceived(source, priority, intervalCs, switched, ahSequence);
            lastAccepted = last;
        }
        return last;
    }

    /** The policy in force now (last master address and checksum mode included). */
    public ReceivePolicy policy() {
        refresh();
        InetAddress master = instance.state() == VrrpState.MASTER ? null : instance.masterAddressOrNull();
        if (!Objects.equals(master, policy.lastMasterAddress())) {
            policy = policy.withLastMasterAddress(master);
        }
        return policy;
    }

    /** The templates to send the next advert with (see the class comment). */
    public List<AdvertTemplate> sendTemplates() {
        refresh();
        return templates;
    }

    /** True once the old unicast checksum is in use (configured or detected). */
    public boolean usesOldUnicastChecksum() {
        refresh();
        return oldChecksum;
    }

    /** True if {@code source} is one of the instance's unicast peers. */
    boolean hasPeer(InetAddress source) {
        for (UnicastPeer p : instance.settings().wire().unicastPeers()) {
            if (p.address().equals(source)) {
                return true;
            }
        }
        return false;
    }

    /** Rebuilds policy and templates when the instance's settings changed (start, reload). */
    private void refresh() {
        InstanceSettings s = instance.settings();
        if (s == builtFrom) {
            return;
        }
        OldUnicastChecksum mode = s.wire().oldUnicastChecksum();
        boolean keepDetected = oldChecksum && builtFrom != null && mode == OldUnicastChecksum.DETECT
                && builtFrom.wire().oldUnicastChecksum() == OldUnicastChecksum.DETECT;
        oldChecksum = mode.usesOldChecksum() || keepDetected;
        ReceivePolicy p = s.receivePolicy();
        if (keepDetected) {
            p = p.withOldUnicastChecksum(OldUnicastChecksum.DETECTED);
        }
        List<AdvertTemplate> t = s.primaryAddress() == null ? List.of() : s.advertTemplates(oldChecksum);
        policy = p;
        templates = t;
        socket = VridDemultiplexer.SocketKey.of(s);
        builtFrom = s;
    }

    @Override
    public String toString() {
        return "InstanceReceiver[" + instance.name() + " on " + socket + "]";
    }
}
