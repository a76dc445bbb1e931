/**
 * The channel port: what every platform adapter provides and what it may rely on.
 *
 * <p>An adapter turns a platform event into one {@link Inbound} and hands it to the
 * {@link InboundSink}, acknowledging the platform only after the sink stored it. Replies come back
 * as channel-neutral {@link Reply} values inside an {@link Outbound}; the adapter renders them for
 * its platform in {@link Channel#send} and reports the outcome as a {@link Delivery}, including a
 * platform's retry-after. Optional behaviour is declared in {@link ChannelCapabilities}.
 *
 * <p>A notification's chat is {@code @<platform user id>} ({@link Outbound#directChat}): every adapter
 * delivers it to the person's direct chat with the bot. A channel that can edit ({@code edits}) shows
 * answers as they are written with {@link Channel#draft}, and {@link Channel#send} edits the draft named
 * by {@link Channel#DRAFT} in the reply address into the final reply.
 *
 * <p>Only {@code dev.alfred.channel.<platform>} packages import a platform SDK.
 */
@NullMarked
package dev.alfred.channel;

import org.jspecify.annotations.NullMarked;
