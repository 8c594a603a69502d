/**
 * LVS in the kernel: what the IPVS table must hold for the configured virtual servers given
 * what the health checkers concluded, and how to get there from what it holds.
 *
 * <p>Pure parts: {@link io.javakeepalived.lvs.KernelServices} (a virtual_server, or each entry
 * of its virtual_server_group, as kernel services), {@link io.javakeepalived.lvs.HealthBook}
 * (each real server's alive/weight and each virtual server's quorum),
 * {@link io.javakeepalived.lvs.DesiredTable} (keepalived's rules: inhibit_on_failure keeps a dead
 * server at weight 0, a lost quorum swaps the pool for the sorry server) and
 * {@link io.javakeepalived.lvs.TableDiff} (the fewest commands from one table to another: a real
 * server that stays is edited, never removed and added back). The edge:
 * {@link io.javakeepalived.lvs.IpvsDirector} drives a {@link io.javakeepalived.net.IpvsTable} at
 * start, on verdicts ({@link io.javakeepalived.lvs.IpvsVerdicts}), on reload and at stop.
 */
package io.javakeepalived.lvs;
