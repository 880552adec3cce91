/**
 * JMH benchmarks. {@link org.equinode.benchmarks.CryptoBench} runs the crypto ones with short
 * settings and prints BouncyCastle (through Equinode's classes) beside the JDK's own provider.
 */
@NullMarked
package org.equinode.benchmarks;

import org.jspecify.annotations.NullMarked;
