/**
 * The development namespaces a local test chain offers, shaped as anvil and hardhat shape
 * them so that foundry, hardhat, viem and ethers test code runs unchanged:
 *
 * <ul>
 *   <li>{@link org.linden.rpc.dev.DevApi}: {@code evm_*}, {@code anvil_*} and {@code hardhat_*}
 *       methods that mine on demand, move time, take and restore snapshots, edit accounts and
 *       impersonate senders, all through the {@link org.linden.rpc.dev.DevNode} the node
 *       implements;
 *   <li>{@link org.linden.rpc.dev.DevAccountsApi}: the unlocked dev accounts ({@code eth_accounts},
 *       {@code eth_sendTransaction}, {@code eth_signTransaction}, {@code eth_sign},
 *       {@code personal_sign}, {@code eth_signTypedData_v4}), registered only in dev mode
 *       because they sign with keys the node holds.
 * </ul>
 */
package org.linden.rpc.dev;
