package io.javakeepalived.daemon;

import io.javakeepalived.vrrp.VrrpState;

/** Where an instance kept by a reload stands after it (see {@link ReloadHook}). */
public record Standing(VrrpState state, int effectivePriority) {
}
