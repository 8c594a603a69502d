/**
 * What the running daemon does with each keyword the configuration accepts:
 * {@link io.javakeepalived.config.status.KeywordSupport} (the registry, one status per keyword of
 * each block kind of {@link io.javakeepalived.config.bind.AcceptedKeywords}) and
 * {@link io.javakeepalived.config.status.UnimplementedKeywords} (the keywords of a configuration
 * the daemon does not act on, as {@code -t} and the log print them). Pure: no daemon imports.
 */
package io.javakeepalived.config.status;
