package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * Two instances with the same VRID and family on the same interface (one segment) whose
 * authentication differs. keepalived refuses the exact duplicate, but lets it through when the
 * multicast group or the unicast peers differ. Why it bites: the instances still receive each
 * other's adverts; each drops the other's as an authentication failure, logged on every advert,
 * and a real peer configured like the other instance is never heard.
 */
final class VridPasswordMismatch implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        List<VrrpInstance> all = config.instances();
        for (int j = 0; j < all.size(); j++) {
            VrrpInstance b = all.get(j);
            for (int i = 0; i < j; i++) {
                VrrpInstance a = all.get(i);
                if (a.vrid() == b.vrid() && a.family() == b.family() && a.interfaceName().isPresent()
                        && a.interfaceName().equals(b.interfaceName())
                        && !a.authentication().equals(b.authentication())) {
                    out.add(new ConfigWarning(b.location(), "(" + b.name() + ") uses virtual_router_id " + b.vrid()
                            + " on " + b.interfaceName().get() + " like " + a.name() + " (" + a.location()
                            + ") with a different authentication - each drops the other's adverts as failing"
                            + " authentication, so the two never agree on a MASTER; give each a virtual_router_id of"
                            + " its own, or the same auth_type and auth_pass"));
                    break;
                }
            }
        }
        return out;
    }
}
