package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code vrrp_script NAME { }}.
 *
 * @param interval   default 1 s
 * @param timeout    zero when not configured (keepalived's default): a run then gets the interval
 * @param weight     -253..253, default 0 (failure puts the tracking instance in FAULT)
 * @param rise       successes needed to become OK, default 1
 * @param fall       failures needed to become KO, default 1
 * @param initFail   start in the failed state
 */
public record VrrpScript(String name, ScriptCommand script, Duration interval, Duration timeout, int weight,
                         boolean weightReverse, int rise, int fall, boolean initFail, SourceLocation location) {
    public VrrpScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(script, "script");
    }
}
