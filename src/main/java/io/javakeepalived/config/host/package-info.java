/**
 * What the configuration checks need from the host, behind small interfaces so that tests can
 * replace them: network interfaces ({@link io.javakeepalived.config.host.InterfaceDirectory},
 * from /sys/class/net), files for the script checks
 * ({@link io.javakeepalived.config.host.FileSystemView}) and users and groups
 * ({@link io.javakeepalived.config.host.UserDirectory}). The production implementations use
 * plain Java file I/O only.
 */
package io.javakeepalived.config.host;
