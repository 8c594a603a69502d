package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.List;
import java.util.Optional;

/**
 * What the checks need to know about the node the configuration is for; the caller provides it
 * (the real host for {@code -t} and the daemon, a fake in tests), so the checks do no I/O.
 */
public interface NodeView {

    /** The addresses on that interface with their prefix lengths; empty when it has none or is unknown. */
    List<IpPrefix> addresses(String interfaceName);

    /** Every address of this node, on any interface; empty when unknown. */
    List<IpPrefix> allAddresses();

    /**
     * Why {@code script} would not run as the daemon runs it (its program missing, not
     * executable by its uid/gid, refused by enable_script_security), or empty when it would.
     */
    Optional<String> whyNotRunnable(ScriptCommand script, boolean scriptSecurity);
}
