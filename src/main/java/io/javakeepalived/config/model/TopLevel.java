package io.javakeepalived.config.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The keywords only valid outside any block.
 *
 * @param netNamespace        run in this network namespace
 * @param netNamespaceIpvs    IPVS namespace; "" = the default namespace
 * @param childWaitTime       seconds the parent waits for children at shutdown (default 5)
 */
public record TopLevel(Optional<String> netNamespace, Optional<String> netNamespaceIpvs,
                       boolean namespaceWithIpsets, boolean usePidDir, Optional<String> instanceName,
                       OptionalInt childWaitTime, boolean linkbeatUsePolling) {
    public static final TopLevel DEFAULT = new TopLevel(Optional.empty(), Optional.empty(), false, false,
            Optional.empty(), OptionalInt.empty(), false);
}
