package org.linden.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The node's version, from the build. */
public final class Version {
  private Version() {}

  public static String number() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return p.getProperty("version", "unknown");
  }

  /** Client identity string in the usual {@code name/version/os/runtime} shape. */
  public static String clientId() {
    return "Linden/v" + number() + "/" + System.getProperty("os.name").toLowerCase() + "-"
        + System.getProperty("os.arch") + "/java" + Runtime.version().feature();
  }

  /** Supplies picocli's {@code --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {clientId()};
    }
  }
}
