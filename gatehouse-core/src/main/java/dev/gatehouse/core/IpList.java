package dev.gatehouse.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of reading one submission with {@link IpListParser}: every non-empty item in input
 * order, each valid or refused with a reason, and the submission's item limit.
 *
 * @param items the non-empty items in input order
 * @param maxItems how many items one submission may hold
 */
public record IpList(List<IpListItem> items, int maxItems) {

  /**
   * Copies the items.
   *
   * @throws IllegalArgumentException if maxItems is negative
   */
  public IpList {
    items = List.copyOf(items);
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems must not be negative, not " + maxItems);
    }
  }

  /** True when the submission holds no item at all. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** True when the submission holds more items than {@link #maxItems()}. */
  public boolean tooMany() {
    return items.size() > maxItems;
  }

  /** True when every item is valid and there are not too many; an empty list is valid. */
  public boolean isValid() {
    return !tooMany() && invalidItems().isEmpty();
  }

  /** The refused items, in input order. */
  public List<IpListItem.Invalid> invalidItems() {
    return items.stream()
        .filter(IpListItem.Invalid.class::isInstance)
        .map(IpListItem.Invalid.class::cast)
        .toList();
  }

  /** The distinct blocks of the valid items, in the order they first appear. */
  public List<IpBlock> blocks() {
    Set<IpBlock> blocks = new LinkedHashSet<>();
    for (IpListItem item : items) {
      if (item instanceof IpListItem.Valid valid) {
        blocks.add(valid.block());
      }
    }
    return List.copyOf(blocks);
  }

  /** The valid items that repeat an earlier item's block, in input order. */
  public List<IpListItem.Valid> duplicates() {
    return items.stream()
        .filter(IpListItem.Valid.class::isInstance)
        .map(IpListItem.Valid.class::cast)
        .filter(IpListItem.Valid::repeated)
        .toList();
  }
}
