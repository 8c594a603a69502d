package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.host.InterfaceInfo;
import io.javakeepalived.config.host.UserDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one binding run shares: where messages go, the host views, and the drafts of the
 * blocks read so far (keepalived resolves some references - track scripts, track files - at
 * the point they are read, so a later declaration is not found, and so do we).
 */
final class BindContext {
    private final Diagnostics real;
    private Diagnostics sink;
    final InterfaceDirectory interfaces;
    final FileSystemView files;
    final UserDirectory users;

    final GlobalDrafts.Top top = new GlobalDrafts.Top();
    final GlobalDrafts.Global global = new GlobalDrafts.Global();
    final List<io.javakeepalived.config.model.IpAddressSpec> staticAddresses = new ArrayList<>();
    final List<io.javakeepalived.config.model.RouteSpec> staticRoutes = new ArrayList<>();
    final List<io.javakeepalived.config.model.RuleSpec> staticRules = new ArrayList<>();
    final List<VrrpDrafts.TrackGroup> trackGroups = new ArrayList<>();
    final List<VrrpDrafts.GarpGroup> garpGroups = new ArrayList<>();
    final List<VrrpDrafts.InterfaceSetting> linkbeatInterfaces = new ArrayList<>();
    final List<VrrpDrafts.InterfaceSetting> interfaceDelays = new ArrayList<>();
    final List<VrrpDrafts.Script> scripts = new ArrayList<>();
    final List<VrrpDrafts.TrackFile> trackFiles = new ArrayList<>();
    final List<VrrpDrafts.TrackProcess> trackProcesses = new ArrayList<>();
    final List<VrrpDrafts.Bfd> bfds = new ArrayList<>();
    final List<io.javakeepalived.config.model.ReferenceAddress> references = new ArrayList<>();
    final List<VrrpDrafts.SyncGroup> syncGroups = new ArrayList<>();
    final List<VrrpDrafts.Instance> instances = new ArrayList<>();
    final List<LvsDrafts.Vsg> virtualServerGroups = new ArrayList<>();
    final List<LvsDrafts.VirtualServer> virtualServers = new ArrayList<>();
    LvsDrafts.Ssl ssl;
    /** Next preference for rules without one (IPv4, IPv6), counting down from 16384 as keepalived. */
    final int[] nextRulePreference = {16384, 16384};

    /** Set when a configured interface does not exist and dynamic_interfaces is off. */
    boolean nonExistentInterface;
    SourceLocation firstMissingInterface;

    private ScriptUsers scriptUsers;

    BindContext(Diagnostics diagnostics, InterfaceDirectory interfaces, FileSystemView files, UserDirectory users) {
        this.real = diagnostics;
        this.sink = diagnostics;
        this.interfaces = interfaces;
        this.files = files;
        this.users = users;
    }

    Diagnostics diagnostics() {
        return sink;
    }

    /** Sends further messages nowhere (used to resolve defaults keepalived would never reach). */
    void mute() {
        sink = new Diagnostics();
    }

    void unmute() {
        sink = real;
    }

    void report(ConfigErrorKind kind, SourceLocation at, String message) {
        sink.report(kind, at, message);
    }

    /** keepalived's CONFIG_GENERAL_ERROR: wrong but keepalived carries on (exit 5). */
    void error(SourceLocation at, String message) {
        sink.report(ConfigErrorKind.GENERAL_ERROR, at, message);
    }

    /** Reports a GENERAL_ERROR and returns it (for errors that stop keepalived's VRRP process). */
    io.javakeepalived.config.Diagnostic fail(SourceLocation at, String message) {
        error(at, message);
        return new io.javakeepalived.config.Diagnostic(ConfigErrorKind.GENERAL_ERROR, at, message);
    }

    void error(ConfigNode at, String message) {
        error(at.location(), message);
    }

    void warning(SourceLocation at, String message) {
        sink.report(ConfigErrorKind.WARNING, at, message);
    }

    void deprecated(SourceLocation at, String message) {
        sink.report(ConfigErrorKind.DEPRECATED, at, message);
    }

    /** Something keepalived only logs. */
    void note(SourceLocation at, String message) {
        sink.note(at, message);
    }

    void unknownKeyword(ConfigNode node) {
        report(ConfigErrorKind.UNKNOWN_KEYWORD, node.location(), "Unknown keyword '" + node.keyword() + "'");
    }

    /**
     * An interface named in the configuration, looked up as keepalived's if_get_by_ifname with
     * IF_CREATE_IF_DYNAMIC: a missing interface is accepted with dynamic_interfaces, otherwise it
     * makes the VRRP process refuse to start. Returns whether the configuration may use it.
     */
    boolean useInterface(String name, SourceLocation at) {
        if (interfaces.exists(name)) {
            return true;
        }
        if (global.dynamicInterfaces) {
            note(at, "Configuration specifies interface " + name + " which doesn't currently exist - will use if"
                    + " created");
            return true;
        }
        if (!nonExistentInterface) {
            firstMissingInterface = at;
        }
        nonExistentInterface = true;
        return false;
    }

    /** The interface if it exists now (a dynamic placeholder has no properties yet). */
    Optional<InterfaceInfo> interfaceInfo(String name) {
        return interfaces.lookup(name);
    }

    VrrpDrafts.Script script(String name) {
        return scripts.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    Optional<io.javakeepalived.config.model.ReferenceAddress> reference(String name) {
        return references.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    VrrpDrafts.TrackFile trackFile(String name) {
        return trackFiles.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    VrrpDrafts.TrackProcess trackProcess(String name) {
        return trackProcesses.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    VrrpDrafts.Bfd bfd(String name) {
        return bfds.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    VrrpDrafts.Instance instance(String name) {
        return instances.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    ScriptUsers scriptUsers() {
        if (scriptUsers == null) {
            scriptUsers = new ScriptUsers(this);
        }
        return scriptUsers;
    }
}
