package dev.gatehouse.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the text an admin submits to an allowlist: items separated by commas or line breaks ({@code
 * \n}, {@code \r\n}, {@code \r}), as people paste columns. Spaces (U+0020) around an item are
 * ignored and empty items are dropped ({@code a,,b}, a trailing comma). Any other whitespace or
 * control character, such as a tab, stays part of its item and so makes it invalid. Each item is
 * read with {@link IpBlock#parse(String)}.
 */
public final class IpListParser {

  /** How many items one submission may hold, in the UI and the API alike. */
  public static final int MAX_ITEMS_PER_SUBMISSION = 20;

  private IpListParser() {}

  /**
   * Reads every item of the input, however many there are; {@link IpList#tooMany()} tells whether
   * the submission exceeds {@code maxItems}.
   *
   * @param input the submitted text
   * @param maxItems how many items the submission may hold, usually {@link
   *     #MAX_ITEMS_PER_SUBMISSION}
   * @throws IllegalArgumentException if maxItems is negative
   */
  public static IpList parse(String input, int maxItems) {
    Objects.requireNonNull(input, "input");
    List<IpListItem> items = new ArrayList<>();
    Set<IpBlock> seen = new HashSet<>();
    for (String item : split(input)) {
      IpTextParser.Parsed<IpBlock> parsed = IpTextParser.parseBlock(item);
      IpBlock block = parsed.value();
      if (block == null) {
        items.add(new IpListItem.Invalid(item, Objects.requireNonNull(parsed.reason())));
      } else {
        items.add(new IpListItem.Valid(item, block, !seen.add(block)));
      }
    }
    return new IpList(items, maxItems);
  }

  /**
   * The non-empty items of the input, without the spaces around them, in input order. This is the
   * splitting {@link #parse} uses, for tools that want to treat each item themselves.
   */
  public static List<String> split(String input) {
    Objects.requireNonNull(input, "input");
    List<String> items = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= input.length(); i++) {
      char c = i < input.length() ? input.charAt(i) : '\n';
      if (c == ',' || c == '\n' || c == '\r') {
        String item = trimSpaces(input, start, i);
        if (!item.isEmpty()) {
          items.add(item);
        }
        start = i + 1;
      }
    }
    return items;
  }

  /** Only U+0020 is trimmed: the SPEC makes every other whitespace part of the item. */
  private static String trimSpaces(String input, int from, int to) {
    while (from < to && input.charAt(from) == ' ') {
      from++;
    }
    while (to > from && input.charAt(to - 1) == ' ') {
      to--;
    }
    return input.substring(from, to);
  }
}
