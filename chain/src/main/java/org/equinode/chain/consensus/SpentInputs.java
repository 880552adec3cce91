package org.equinode.chain.consensus;

import java.util.List;
import org.equinode.chain.Amount;

/**
 * What {@link InputRules} found out about a transaction's inputs: the coins spent, the fee, and the
 * witness checks still to run.
 */
record SpentInputs(List<Utxo> spent, Amount fee, List<WitnessCheck> checks) {}
