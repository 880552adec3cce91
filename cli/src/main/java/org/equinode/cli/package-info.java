/** The {@code equinode} command: picocli commands over the node. */
@NullMarked
package org.equinode.cli;

import org.jspecify.annotations.NullMarked;
