package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** web3j, the Java client library, against a real {@code ./linden dev} process. */
class Web3jIT {
  private static final String DEV_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";

  @Test
  void anEip1559TransferThroughWeb3j() throws Exception {
    try (DevNodeProcess node = DevNodeProcess.start()) {
      Web3j web3 = Web3j.build(new HttpService(node.rpcUrl()));
      try {
        long chainId = web3.ethChainId().send().getChainId().longValue();
        Credentials sender = Credentials.create(DEV_KEY);
        String to = "0x000000000000000000000000000000000000abcd";
        BigInteger before = web3.ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance();
        BigInteger nonce = web3.ethGetTransactionCount(sender.getAddress(), DefaultBlockParameterName.PENDING)
            .send().getTransactionCount();
        RawTransaction tx = RawTransaction.createEtherTransaction(chainId, nonce, BigInteger.valueOf(21_000), to,
            BigInteger.valueOf(123_456_789), BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(50_000_000_000L));
        String raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, sender));
        String hash = web3.ethSendRawTransaction(raw).send().getTransactionHash();
        assertThat(hash).startsWith("0x").hasSize(66);
        TransactionReceipt receipt = null;
        for (int i = 0; i < 100 && receipt == null; i++) {
          receipt = web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElse(null);
          if (receipt == null) {
            Thread.sleep(100);
          }
        }
        assertThat(receipt).as("receipt of " + hash).isNotNull();
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(web3.ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance())
            .isEqualTo(before.add(BigInteger.valueOf(123_456_789)));
        assertThat(web3.ethBlockNumber().send().getBlockNumber()).isEqualTo(receipt.getBlockNumber());
      } finally {
        web3.shutdown();
      }
    }
  }
}
