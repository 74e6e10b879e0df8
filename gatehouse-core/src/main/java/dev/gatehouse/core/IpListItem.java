package dev.gatehouse.core;

import java.util.Objects;

/** One item of a submitted list, in input order: a valid entry or a refused one. */
public sealed interface IpListItem {

  /** The item as the user typed it, without the spaces around it. */
  String input();

  /**
   * An item that parsed to a block.
   *
   * @param input the item as typed, without surrounding spaces
   * @param block the entry it denotes, in canonical form
   * @param repeated true when an earlier item of the same submission denotes the same block
   */
  record Valid(String input, IpBlock block, boolean repeated) implements IpListItem {
    /** Checks that no component is null. */
    public Valid {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(block, "block");
    }
  }

  /**
   * An item that is not an acceptable entry.
   *
   * @param input the item as typed, without surrounding spaces
   * @param reason why it was refused, phrased for the user, without the input itself
   */
  record Invalid(String input, String reason) implements IpListItem {
    /** Checks that no component is null. */
    public Invalid {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
