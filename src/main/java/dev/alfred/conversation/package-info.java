/**
 * The conversation core: how a message travels from the inbox to the outbox.
 *
 * <ol>
 *   <li>{@link Inbox} stores each {@link dev.alfred.channel.Inbound} once, keyed by (bot, channel,
 *       platform event id); adapters acknowledge the platform only after that.
 *   <li>{@link Dispatcher} workers on virtual threads lease chats ({@link Lanes}) with {@code FOR
 *       UPDATE SKIP LOCKED} and handle each chat's rows in order, many chats in parallel; a
 *       crashed instance's lanes are taken over by any instance when their lease expires.
 *   <li>{@link Router} resolves the actor (linked account, tenant), runs a command from the
 *       {@link CommandCatalogue} or hands free text to the {@link FreeTextResponder}, checking
 *       permissions first.
 *   <li>The replies go into the outbox in the same transaction that marks the inbox row done and
 *       appends the history, so a message is answered exactly once.
 *   <li>{@link OutboxSender} delivers them through the bot's {@link dev.alfred.channel.Channel},
 *       within per-chat and global rate limits, honouring retry-after, retrying failures with
 *       backoff and moving a message to dead letters after {@code alfred.outbox.max-attempts}.
 * </ol>
 */
@NullMarked
package dev.alfred.conversation;

import org.jspecify.annotations.NullMarked;
