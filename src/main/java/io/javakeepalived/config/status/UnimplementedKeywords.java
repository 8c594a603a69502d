package io.javakeepalived.config.status;

import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.bind.AcceptedKeywords;
import io.javakeepalived.config.bind.AcceptedKeywords.Block;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the keywords of a configuration that the daemon does not act on ({@link KeywordSupport}),
 * walking the keyword tree block by block so that a keyword is judged where it is written
 * ({@code priority} in a vrrp_instance is not {@code priority} in a real_server). Each is
 * reported once, at its first use; a block the daemon ignores whole is reported by its opening
 * keyword alone, not line by line. Unknown keywords are left to the binder's own message.
 */
public final class UnimplementedKeywords {
    /** The options of an address line that take a value (the binder's AddressLine.WITH_VALUE). */
    private static final Set<String> ADDRESS_OPTIONS_WITH_VALUE = Set.of("dev", "scope", "broadcast", "brd", "label",
            "peer", "preferred_lft", "track_group");
    private static final Set<String> ADDRESS_BLOCKS = Set.of("virtual_ipaddress", "virtual_ipaddress_excluded");

    private final List<UnimplementedKeyword> found = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private UnimplementedKeywords() {
    }

    /** The not-implemented keywords of a whole configuration's keyword tree, in file order. */
    public static List<UnimplementedKeyword> in(List<ConfigNode> tree) {
        UnimplementedKeywords walk = new UnimplementedKeywords();
        walk.block(Block.ROOT, tree);
        return List.copyOf(walk.found);
    }

    private void block(Block block, List<ConfigNode> lines) {
        for (ConfigNode line : lines) {
            Optional<KeywordStatus> status = KeywordSupport.of(block, line);
            if (status.isEmpty()) {
                continue;
            }
            if (!status.get().implemented()) {
                boolean byArgument = !status.equals(KeywordSupport.of(block, line.keyword()));
                report(block, byArgument ? line.keyword() + " " + line.arg(0) : line.keyword(), line, status.get());
                continue;
            }
            Optional<Block> inner = AcceptedKeywords.opens(block, line.keyword());
            if (inner.isPresent()) {
                block(inner.get(), line.children());
            } else if (block == Block.VRRP_INSTANCE && ADDRESS_BLOCKS.contains(line.keyword())) {
                addressOptions(line.children());
            }
        }
    }

    private void addressOptions(List<ConfigNode> addresses) {
        for (ConfigNode address : addresses) {
            List<String> words = address.words();
            for (int i = 1; i < words.size(); i++) {
                String option = words.get(i);
                KeywordSupport.addressOption(option).ifPresent(s -> report(null, option, address, s));
                if (ADDRESS_OPTIONS_WITH_VALUE.contains(option)) {
                    i++;
                }
            }
        }
    }

    private void report(Block block, String keyword, ConfigNode at, KeywordStatus status) {
        if (seen.add((block == null ? "address option" : block.name()) + " " + keyword)) {
            found.add(new UnimplementedKeyword(at.location(), keyword, status.reason()));
        }
    }
}
