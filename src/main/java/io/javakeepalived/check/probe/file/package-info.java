/** FILE_CHECK: the value of a track_file. */
package io.javakeepalived.check.probe.file;
