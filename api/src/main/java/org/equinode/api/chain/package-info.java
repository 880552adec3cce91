/** Methods over the chain: blocks, the tip, transactions in blocks. */
@NullMarked
package org.equinode.api.chain;

import org.jspecify.annotations.NullMarked;
