package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks for the configuration mistakes keepalived accepts without a word but that bite in
 * production, over the bound model and what the caller knows of the node. Pure: the node's
 * facts come in through {@link NodeView}. The checks run in a fixed order - per-line mistakes
 * first, then those only the whole file shows - so the output is stable.
 *
 * <p>{@code nopreempt} with {@code state MASTER} is not here: the binder already warns about it
 * in keepalived's words.
 */
public final class ConfigLint {
    private static final List<Check> CHECKS = List.of(
            new ScriptsThatCannotRun(),
            new PeerIsThisNode(),
            new HeartbeatPathNotSecond(),
            new UnsafeUnicast(),
            new VipInTwoInstances(),
            new VipIsInterfaceAddress(),
            new OwnerPriorityWithoutAddress(),
            new VipOutsideInterfaceSubnets(),
            new UntrackedScript(),
            new UntrackedReference(),
            new WeightWithoutEffect(),
            new VridPasswordMismatch(),
            new SyncGroupAdvertIntervals());

    private ConfigLint() {
    }

    /** Every warning about {@code config} on {@code node}, check by check. */
    public static List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> all = new ArrayList<>();
        for (Check c : CHECKS) {
            all.addAll(c.check(config, node));
        }
        return List.copyOf(all);
    }
}
