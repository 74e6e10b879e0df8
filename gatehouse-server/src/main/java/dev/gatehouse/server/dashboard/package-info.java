@NullMarked
package dev.gatehouse.server.dashboard;

import org.jspecify.annotations.NullMarked;
