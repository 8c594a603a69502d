/** TCP_CHECK: a connect within connect_timeout. */
package io.javakeepalived.check.probe.tcp;
