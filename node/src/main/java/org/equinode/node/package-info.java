/** The composition root: data directory, configuration and the services of one node. */
@NullMarked
package org.equinode.node;

import org.jspecify.annotations.NullMarked;
