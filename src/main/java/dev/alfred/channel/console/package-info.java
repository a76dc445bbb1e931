/**
 * The console channel: talk to Alfred through the admin API ({@code POST /api/v1/console/messages})
 * or the page at {@code /}, with no platform token. Messages go through the same inbox, router and
 * outbox as every other channel; the request waits for its replies and returns them.
 */
@NullMarked
package dev.alfred.channel.console;

import org.jspecify.annotations.NullMarked;
