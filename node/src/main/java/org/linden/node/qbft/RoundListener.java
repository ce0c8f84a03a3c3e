package org.linden.node.qbft;

/** Told the engine's round whenever it changes (a new height starts at 0), for the metrics. */
@FunctionalInterface
public interface RoundListener {
  void roundChanged(int round);
}
