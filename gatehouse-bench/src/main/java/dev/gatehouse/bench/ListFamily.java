package dev.gatehouse.bench;

/** Which address families a benchmark's allowlist and probes hold. */
public enum ListFamily {
  IPV4,
  IPV6,
  MIXED
}
