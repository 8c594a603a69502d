package io.javakeepalived.notify;

import io.javakeepalived.config.model.NotifyScripts;

import java.util.Map;

/**
 * The hooks of one instance or sync group as registered.
 *
 * @param key       the queue it belongs to ({@code INSTANCE VI_1}, {@code GROUP G1})
 * @param logPrefix how log lines name it: {@code (VI_1)}, {@code VRRP_Group(G1)}
 * @param kind      the generic notify's first argument: {@code INSTANCE} or {@code GROUP}
 * @param disabled  hook name → why the configuration dropped it
 */
record NotifyTarget(String key, String logPrefix, String kind, String name, NotifyScripts scripts,
                    Map<String, String> disabled) {
}
