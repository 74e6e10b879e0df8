@NullMarked
package dev.gatehouse.server.account;

import org.jspecify.annotations.NullMarked;
