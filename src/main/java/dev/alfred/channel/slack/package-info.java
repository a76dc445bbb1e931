/**
 * The Slack channel, built on Bolt for Java: one Bolt {@code App} per bot that declares {@code slack}
 * in its {@code bot.yml}.
 *
 * <p>Inbound: slash commands (one per bot, named after it: {@code /alfred task Call Acme}), the Events
 * API ({@code app_mention} and direct messages) and {@code block_actions} button presses arrive either
 * at {@code POST /slack/events} (HTTP mode; signed with the bot's signing secret, checked by Bolt) or
 * over Socket Mode when the bot has an app token. Each becomes one {@link dev.alfred.channel.Inbound}
 * that is stored before Slack is acknowledged; Slack's retries carry the same event id and are stored
 * once.
 *
 * <p>Outbound: replies are rendered as Block Kit. Answers to slash commands and button presses go to
 * the payload's {@code response_url} as ephemeral messages; a command's first answer replaces its
 * "working on it" acknowledgement ({@code replace_original: true}: the acknowledgement is the command's
 * {@code draft}, {@code ack}), later ones are added under it. Answers to mentions and direct messages go
 * through {@code chat.postMessage}. Notifications (chat {@code @<user id>}) go into the app's DM with the
 * person: {@code conversations.open} (scope {@code im:write}, remembered per user) gives its {@code D...}
 * channel, which, unlike a user id, also takes file uploads. Images and files are uploaded with the
 * files API before the text.
 *
 * <p>Drafts ({@code edits}): after a slash command they replace the acknowledgement through the
 * response_url (at most three, as Slack takes five messages per response_url); elsewhere they are a
 * {@code chat.postMessage} in the conversation and thread, then {@code chat.update}. A final reply with
 * a draft's {@code ts} edits it with {@code chat.update} and posts anew when Slack refuses the edit for
 * good ({@code message_not_found}, {@code cant_update_message}, ...).
 *
 * <p>Configuration: {@code alfred.slack.api-url} ({@code ALFRED_SLACK_API_URL}, default
 * {@code https://slack.com/api/}), {@code alfred.slack.timeout} (one Web API call, default {@code 10s})
 * and {@code alfred.slack.restart-interval} (how often a channel that could not start is tried again,
 * default {@code 30s}).
 *
 * <p>Scale-out: HTTP mode runs on every instance. Socket Mode also runs on every instance without a
 * lock: Slack allows up to ten connections per app and delivers each envelope to one of them, and the
 * inbox stores an event once whichever connection brought it.
 */
@NullMarked
package dev.alfred.channel.slack;

import org.jspecify.annotations.NullMarked;
