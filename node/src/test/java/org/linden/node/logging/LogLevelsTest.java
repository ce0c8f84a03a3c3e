package org.linden.node.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLevelsTest {
  @Test
  void aLevelAloneOrWithModules() {
    assertThat(LogLevels.parse("debug")).isEqualTo(new LogLevels(Level.DEBUG, Map.of()));
    assertThat(LogLevels.parse("WARN, p2p=debug ,sync.net=trace")).isEqualTo(
        new LogLevels(Level.WARN, Map.of("p2p", Level.DEBUG, "sync.net", Level.TRACE)));
  }

  @Test
  void badSpecsAreNamed() {
    assertThatThrownBy(() -> LogLevels.parse("loud")).hasMessageContaining("unknown log level 'loud'");
    assertThatThrownBy(() -> LogLevels.parse("")).hasMessageContaining("unknown log level ''");
    assertThatThrownBy(() -> LogLevels.parse("info,p2p")).hasMessageContaining("'p2p' is not MODULE=LEVEL");
    assertThatThrownBy(() -> LogLevels.parse("info,=debug")).hasMessageContaining("is not MODULE=LEVEL");
    assertThatThrownBy(() -> LogLevels.parse("info,P2P!=debug")).hasMessageContaining("not a module name");
    assertThatThrownBy(() -> LogLevels.parse("info,p2p=chatty")).hasMessageContaining("unknown log level 'chatty'");
  }

  @Test
  void applyingSetsTheRootAndModuleLoggers() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Level before = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel();
    try {
      LogLevels.parse("error,p2p.discovery=trace").apply();
      assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.ERROR);
      assertThat(context.getLogger("org.linden.p2p.discovery.DiscoveryService").getEffectiveLevel())
          .isEqualTo(Level.TRACE);
      assertThat(context.getLogger("org.linden.p2p.transport.P2pServer").getEffectiveLevel()).isEqualTo(Level.ERROR);
    } finally {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(before);
      context.getLogger("org.linden.p2p.discovery").setLevel(null);
    }
  }
}
