package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;

import java.util.List;

/** One kind of mistake keepalived lets through, looked for over the whole configuration. */
interface Check {

    /** The warnings about {@code config} on {@code node}, in configuration order. */
    List<ConfigWarning> check(KeepalivedConfig config, NodeView node);
}
