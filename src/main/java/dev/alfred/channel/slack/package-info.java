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
 * the payload's {@code response_url} as ephemeral messages (a command's answer replaces its "working on
 * it" placeholder); answers to mentions and direct messages, and notifications, go through
 * {@code chat.postMessage}. Images and files are uploaded with the files API before the text.
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
