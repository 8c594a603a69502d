package io.javakeepalived.lvs;

import io.javakeepalived.config.model.VirtualServer;

/**
 * keepalived's quorum with hysteresis (ipwrapper.c update_quorum_state): a virtual server that
 * has quorum loses it when the weight of its alive real servers drops below quorum - hysteresis
 * (or to 0); one without gains it at quorum + hysteresis; at start it has it from quorum +
 * hysteresis up.
 */
final class QuorumRule {
    private QuorumRule() {
    }

    static boolean atStart(VirtualServer vs, long aliveWeight) {
        return aliveWeight >= vs.quorum() + vs.hysteresis();
    }

    static boolean next(VirtualServer vs, boolean up, long aliveWeight) {
        long threshold = vs.quorum() + (up ? -vs.hysteresis() : vs.hysteresis());
        if (!up) {
            return aliveWeight >= threshold;
        }
        return aliveWeight != 0 && aliveWeight >= threshold;
    }
}
