/**
 * JSON-RPC 2.0 as Equinode speaks it: strict request parsing with named limits, dispatch to one
 * handler per method, error codes that follow bitcoind's where the meaning is the same.
 */
@NullMarked
package org.equinode.api;

import org.jspecify.annotations.NullMarked;
