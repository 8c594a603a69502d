/**
 * Loading a keepalived.conf: the façade the command line and the daemon use
 * ({@link io.javakeepalived.config.load.ConfigLoader}), with its options and result, and the
 * text dump of a loaded model. It ties reading ({@code config.syntax}) to binding
 * ({@code config.bind}); the {@code config} root package below it holds only the types every
 * config package shares (locations, diagnostics, exit codes, the keyword tree).
 */
package io.javakeepalived.config.load;
