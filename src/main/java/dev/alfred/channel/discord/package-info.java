/**
 * The Discord channel (JDA): one gateway connection per shard of this instance for each bot whose
 * {@code bot.yml} declares {@code discord}, plus the optional HTTP interactions endpoint {@code POST /discord/interactions/{bot}}.
 *
 * <p>In: slash commands (registered from the command catalogue at start, each with one optional
 * string option), button presses, direct messages and guild messages that mention the bot. Each
 * becomes one {@link dev.alfred.channel.Inbound}; the platform is acknowledged (a deferred reply)
 * only after the inbox stored it. Out: the reply edits the deferred interaction response through the
 * interaction's webhook while its token is fresh (15 minutes, we stop at 14), later ones and
 * messages go to the channel. Text becomes Discord markdown, a card an embed with inline fields,
 * buttons an action row, an attachment a file upload.
 *
 * <p>Notifications (chat {@code @<user id>}) go to the DM channel that {@code POST users/@me/channels}
 * ({@code openPrivateChannelById}) opens with the person. Drafts ({@code edits}): for an interaction
 * with a fresh token every draft edits its original response (the deferred "thinking..."), and the
 * final reply edits it once more; otherwise the first draft is a message in the channel, edited with
 * {@code PATCH channels/{c}/messages/{m}}, and the final reply edits it (embed, buttons and file
 * included), or is sent anew when Discord refuses the edit for good (unknown message, no access).
 *
 * <p>Configuration: {@code alfred.discord.api-url} ({@code ALFRED_DISCORD_API_URL}),
 * {@code alfred.discord.gateway-url} ({@code ALFRED_DISCORD_GATEWAY_URL}, empty: Discord's),
 * {@code alfred.discord.ready-timeout} (30s), {@code alfred.discord.send-timeout} (20s),
 * {@code alfred.discord.max-clock-skew} (5m, for signed HTTP interactions),
 * {@code alfred.discord.shard-total} (1) and {@code alfred.discord.shards} (this instance's shard ids,
 * e.g. {@code 0-3}; empty: all). A bot without a bot
 * token has a DISABLED channel. JDA handles Discord's rate limits (429 with retry-after) itself;
 * 5xx and I/O errors are transient failures for the outbox to retry, other 4xx are permanent.
 *
 * <p>Operators: the bot needs the privileged Message Content intent enabled in the developer portal
 * (Discord closes the gateway with 4014 otherwise). Sharding: every shard of the range is its own JDA
 * ({@code useSharding(id, total)}) and the shards of a bot share one session controller, which spaces
 * their IDENTIFYs; a reply goes through the shard whose cache holds its channel (any shard for DMs and
 * interactions); only shard 0 registers the slash commands; the channel is UP when every shard of the
 * range is connected. A shard id outside {@code 0..total-1} leaves the channel DOWN with the reason.
 * With a public key set, Discord sends interactions to the HTTP endpoint
 * instead of the gateway; replies still go out through JDA's REST client.
 */
@NullMarked
package dev.alfred.channel.discord;

import org.jspecify.annotations.NullMarked;
