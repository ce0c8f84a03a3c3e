package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript end-to-end suite (e2e/: ethers, viem, cast, a solc-compiled ERC-20)
 * against a real {@code ./linden dev} process. Installs the pinned npm packages first if
 * they are missing.
 */
class ClientLibrariesIT {

  @Test
  void ethersViemAndCastWorkAgainstTheDevNode() throws Exception {
    E2eScripts.install("ethers");
    // debug is off unless named: the suite traces a transaction, so it names it.
    try (DevNodeProcess node = DevNodeProcess.start("--rpc.apis", "eth,net,web3,txpool,evm,debug")) {
      String output = E2eScripts.run(List.of("node", "--test", "--test-concurrency=1", "test/"),
          java.util.Map.of("LINDEN_RPC", node.rpcUrl(), "LINDEN_WS", node.wsUrl()), 10);
      assertThat(output).contains("# fail 0");
    }
  }
}
