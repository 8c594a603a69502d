package io.javakeepalived.config.bind;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every keyword the binder accepts, block kind by block kind: a read-only view of its
 * {@link KeywordTable}s, for code that has to account for each one (what the daemon acts on,
 * {@code io.javakeepalived.config.status}). A block kind is a table; blocks whose lines are items
 * ({@code virtual_ipaddress}, {@code track_script}, ...) have none.
 */
public final class AcceptedKeywords {
    private AcceptedKeywords() {
    }

    /** The kinds of keyword block, one per table of the binder. */
    public enum Block {
        ROOT(() -> RootBinder.TABLE),
        GLOBAL_DEFS(() -> GlobalDefsBinder.TABLE),
        VRRP_INSTANCE(() -> VrrpInstanceBinder.TABLE),
        AUTHENTICATION(() -> InstanceElectionKeywords.AUTH),
        VRRP_SCRIPT(() -> TrackedObjectBinder.SCRIPT),
        TRACK_FILE(() -> TrackedObjectBinder.TRACK_FILE),
        VRRP_TRACK_PROCESS(() -> TrackProcessBinder.TRACK_PROCESS),
        VRRP_REFERENCE(() -> ReferenceBinder.TABLE),
        VRRP_SYNC_GROUP(() -> GroupBlocksBinder.SYNC_GROUP),
        GARP_GROUP(() -> GroupBlocksBinder.GARP_GROUP),
        TRACK_GROUP(() -> GroupBlocksBinder.TRACK_GROUP),
        BFD_INSTANCE(() -> BfdInstanceBinder.BFD),
        SSL(() -> SslBinder.TABLE),
        VIRTUAL_SERVER(() -> VirtualServerBinder.TABLE),
        REAL_SERVER(() -> RealServerBinder.TABLE),
        TCP_CHECK(() -> CheckerTables.TCP),
        /** HTTP_GET and SSL_GET share one table */
        HTTP_GET(() -> CheckerTables.HTTP),
        URL(() -> CheckerTables.URL),
        SMTP_CHECK(() -> CheckerTables.SMTP),
        SMTP_HOST(() -> CheckerTables.SMTP_HOST),
        DNS_CHECK(() -> CheckerTables.DNS),
        UDP_CHECK(() -> CheckerTables.UDP),
        PING_CHECK(() -> CheckerTables.PING),
        MISC_CHECK(() -> CheckerTables.MISC),
        FILE_CHECK(() -> CheckerTables.FILE),
        BFD_CHECK(() -> CheckerTables.BFD);

        // a supplier: the tables live in classes that must not be initialised by this enum's own init
        private final Supplier<KeywordTable<?>> table;

        Block(Supplier<KeywordTable<?>> table) {
            this.table = table;
        }

        /** The block as keepalived's messages name it ("vrrp_instance", "the top level", ...). */
        public String displayName() {
            return table.get().blockName();
        }

        /** Every keyword the binder accepts in this block. */
        public Set<String> keywords() {
            return table.get().keywords();
        }
    }

    /**
     * Which keyword opens which keyword block: the dispatch the binders' handlers do, written down.
     * A block keyword missing here opens a block of items.
     */
    private static final Map<Block, Map<String, Block>> OPENS = Map.of(
            Block.ROOT, Map.ofEntries(
                    Map.entry("global_defs", Block.GLOBAL_DEFS),
                    Map.entry("vrrp_instance", Block.VRRP_INSTANCE),
                    Map.entry("vrrp_script", Block.VRRP_SCRIPT),
                    Map.entry("track_file", Block.TRACK_FILE),
                    Map.entry("vrrp_track_file", Block.TRACK_FILE),
                    Map.entry("vrrp_track_process", Block.VRRP_TRACK_PROCESS),
                    Map.entry("vrrp_reference", Block.VRRP_REFERENCE),
                    Map.entry("vrrp_sync_group", Block.VRRP_SYNC_GROUP),
                    Map.entry("garp_group", Block.GARP_GROUP),
                    Map.entry("track_group", Block.TRACK_GROUP),
                    Map.entry("bfd_instance", Block.BFD_INSTANCE),
                    Map.entry("SSL", Block.SSL),
                    Map.entry("virtual_server", Block.VIRTUAL_SERVER)),
            Block.VRRP_INSTANCE, Map.of("authentication", Block.AUTHENTICATION),
            Block.VIRTUAL_SERVER, Map.of("real_server", Block.REAL_SERVER),
            Block.REAL_SERVER, Map.of("TCP_CHECK", Block.TCP_CHECK, "HTTP_GET", Block.HTTP_GET,
                    "SSL_GET", Block.HTTP_GET, "SMTP_CHECK", Block.SMTP_CHECK, "DNS_CHECK", Block.DNS_CHECK,
                    "UDP_CHECK", Block.UDP_CHECK, "PING_CHECK", Block.PING_CHECK, "MISC_CHECK", Block.MISC_CHECK,
                    "FILE_CHECK", Block.FILE_CHECK, "BFD_CHECK", Block.BFD_CHECK),
            Block.HTTP_GET, Map.of("url", Block.URL),
            Block.SMTP_CHECK, Map.of("host", Block.SMTP_HOST));

    /** The keyword block {@code keyword} opens inside {@code parent}; empty for a line or a block of items. */
    public static Optional<Block> opens(Block parent, String keyword) {
        return Optional.ofNullable(OPENS.getOrDefault(parent, Map.of()).get(keyword));
    }
}
