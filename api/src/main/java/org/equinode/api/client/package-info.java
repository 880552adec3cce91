/** A JSON-RPC client for the command line and for tests. */
@NullMarked
package org.equinode.api.client;

import org.jspecify.annotations.NullMarked;
