/** Ethereum Node Records (EIP-778) with the "v4" identity scheme. */
package org.linden.p2p.enr;
