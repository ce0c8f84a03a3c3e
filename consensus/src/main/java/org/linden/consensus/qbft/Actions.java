package org.linden.consensus.qbft;

import java.util.List;
import org.linden.chain.block.Block;

/** The actions produced by one {@link QbftEngine#handle} call, in the order the engine produced them. */
public record Actions(List<Action> all) {
  public Actions {
    all = List.copyOf(all);
  }

  public List<QbftMessage> broadcasts() {
    return all.stream().filter(a -> a instanceof Action.Broadcast).map(a -> ((Action.Broadcast) a).message()).toList();
  }

  public List<Action.StartRoundTimer> timers() {
    return all.stream().filter(a -> a instanceof Action.StartRoundTimer).map(a -> (Action.StartRoundTimer) a).toList();
  }

  public List<Block> committed() {
    return all.stream().filter(a -> a instanceof Action.CommitBlock).map(a -> ((Action.CommitBlock) a).block()).toList();
  }

  public List<Action.Rejected> rejections() {
    return all.stream().filter(a -> a instanceof Action.Rejected).map(a -> (Action.Rejected) a).toList();
  }
}
