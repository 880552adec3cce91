/**
 * The wallet file: a versioned container with a plaintext public section and an encrypted secret
 * section (Argon2id, then AES-256-GCM), specified in {@code wallet/README.md}.
 */
@NullMarked
package org.equinode.wallet.file;

import org.jspecify.annotations.NullMarked;
