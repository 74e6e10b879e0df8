package dev.gatehouse.server.allowlist;

import java.util.List;

/**
 * What a successful {@link AllowlistService#add} did.
 *
 * @param added the new entries, in input order
 * @param alreadyPresent canonical values that were already listed or repeated within the
 *     submission, in input order, each once; they were not added again
 */
public record AddResult(List<AllowlistEntry> added, List<String> alreadyPresent) {

  public AddResult {
    added = List.copyOf(added);
    alreadyPresent = List.copyOf(alreadyPresent);
  }
}
