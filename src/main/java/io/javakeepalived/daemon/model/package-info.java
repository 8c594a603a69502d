/**
 * What the daemon runs, derived from the configuration model: {@link io.javakeepalived.daemon.model.ConfigMapping}
 * turns a {@code KeepalivedConfig} into a {@link io.javakeepalived.daemon.model.VrrpPlan} of
 * {@link io.javakeepalived.daemon.model.InstancePlan}s (the core's {@code InstanceSettings} plus
 * excluded VIPs, GARP pacing and start-up faults), whose VIPs are the core's
 * {@link io.javakeepalived.vrrp.Vip}s (the address plus what rtnetlink needs). {@link io.javakeepalived.daemon.model.PrimaryAddress} picks the advert
 * source on the host. {@link io.javakeepalived.daemon.model.PlanDiff} compares the running plan
 * with a reloaded one (instances by interface, VRID and family; VIPs, excluded VIPs and sync
 * groups). Pure: no sockets, no native code.
 */
package io.javakeepalived.daemon.model;
