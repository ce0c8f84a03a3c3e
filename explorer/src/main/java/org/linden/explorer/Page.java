package org.linden.explorer;

import java.util.List;

/**
 * One page of an address's entries, newest first.
 *
 * @param next where the following page starts, or null when this is the last one
 */
public record Page<T>(List<T> items, Cursor next) {
  public Page {
    items = List.copyOf(items);
  }
}
