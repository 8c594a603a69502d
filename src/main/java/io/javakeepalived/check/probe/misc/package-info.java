/** MISC_CHECK: an operator's script through the script runner. */
package io.javakeepalived.check.probe.misc;
