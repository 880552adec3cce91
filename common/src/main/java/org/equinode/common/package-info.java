/** Bytes, hex, 32-byte hashes, bounded canonical readers and writers, and time. JDK only. */
@NullMarked
package org.equinode.common;

import org.jspecify.annotations.NullMarked;
