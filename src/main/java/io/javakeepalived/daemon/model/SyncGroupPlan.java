package io.javakeepalived.daemon.model;

import java.util.List;
import java.util.Objects;

/** A {@code vrrp_sync_group}: its name and the instances (by name, as planned) it holds. */
public record SyncGroupPlan(String name, List<String> members) {
    public SyncGroupPlan {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}
