/**
 * Binding the keyword tree to the model, with keepalived 2.2.7's validation. Entry point
 * {@link io.javakeepalived.config.bind.Binder}; normally used through
 * {@code config.load.ConfigLoader}.
 *
 * <h2>How it is organised</h2>
 * <ul>
 *   <li>One {@code KeywordTable} per block kind (root, global_defs, vrrp_instance, authentication,
 *       vrrp_script, vrrp_sync_group, track_file, vrrp_track_process, garp_group, track_group,
 *       bfd_instance, virtual_server, real_server, url and one per checker): keyword to handler,
 *       plus whether the keyword opens a block. A keyword not in the table is reported
 *       {@code Unknown keyword 'x'} and skipped with its block. The two big blocks are put
 *       together from parts ({@code KeywordTable.with}): global_defs from the general
 *       keywords ({@code GlobalDefsBinder}) and {@code VrrpGlobals}, {@code LvsGlobals},
 *       {@code ProcessGlobals}, {@code NotifyGlobals}, as keepalived's global_parser.c
 *       installs them; vrrp_instance from {@code InstanceInterfaceKeywords},
 *       {@code InstanceAddressKeywords}, {@code InstanceElectionKeywords},
 *       {@code InstanceTrackingKeywords}, {@code InstanceNotifyKeywords}.</li>
 *   <li>One binder class per block, grouped by area: the root ({@code RootBinder}) and
 *       global_defs ({@code GlobalDefsBinder}); VRRP ({@code VrrpInstanceBinder} reads the
 *       vrrp_instance block; {@code TrackedObjectBinder}, {@code TrackProcessBinder},
 *       {@code BfdInstanceBinder}, {@code GroupBlocksBinder}); addresses, routes and rules ({@code AddressLine},
 *       {@code RouteLine}, {@code RuleLine} over the shared {@code IpOptions}, and
 *       {@code StaticBlocksBinder}); LVS ({@code VirtualServerGroupBinder},
 *       {@code VirtualServerBinder}, {@code RealServerBinder} sharing {@code ServerKeywords},
 *       {@code CheckerBinder}, {@code CheckerTables}, {@code SslBinder} over
 *       {@code LvsReaders}). Readers every area uses: {@code Args}, {@code Numbers},
 *       {@code NumberArg} (a number keyword read, range-checked and complained about in the
 *       keyword's own words), {@code InetText}, {@code Blocks}, {@code Scripts}.</li>
 *   <li>Handlers fill mutable drafts ({@code GlobalDrafts}, {@code VrrpDrafts},
 *       {@code LvsDrafts}) in file order, with keepalived's parse-time checks and messages; references are resolved when read, as keepalived does
 *       (a track_script naming a vrrp_script declared further down is "not found").</li>
 *   <li>A parameter keepalived's handler reads unconditionally is required: when missing, a
 *       {@link io.javakeepalived.config.ConfigFatalException} ends the run (keepalived exits 2
 *       there, even under {@code -t}).</li>
 *   <li>Completion steps then do what keepalived's processes do before running:
 *       {@code LvsCompletion} (link_vsg_to_vs, validate_check_config, checker script security)
 *       and {@code VrrpCompletion} (script security, chk_min_cfg, sync groups,
 *       vrrp_complete_instance as the named checks of {@code InstanceCompletion}, VRID
 *       conflicts). When keepalived's VRRP process would stop (a non-existent interface, a
 *       missing VRID, ...) the rest is resolved with messages muted,
 *       because keepalived never gets to report them.</li>
 *   <li>Numbers are read with keepalived's {@code -t} semantics: an invalid number is
 *       INVALID_NUMBER and rejected, and the handler applies keepalived's fallback.</li>
 *   <li>What keepalived only logs (no effect on the exit code) goes to
 *       {@link io.javakeepalived.config.Diagnostics#note}.</li>
 * </ul>
 *
 * <p>Host-dependent checks (interfaces, script files, users) go through the views of
 * {@link io.javakeepalived.config.host}, so tests decide what exists.
 */
package io.javakeepalived.config.bind;
