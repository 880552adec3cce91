/** Methods about the node itself: {@code stop}, {@code uptime}, {@code getnodeinfo}. */
@NullMarked
package org.equinode.api.node;

import org.jspecify.annotations.NullMarked;
