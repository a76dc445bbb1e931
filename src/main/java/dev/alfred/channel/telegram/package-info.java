/**
 * The Telegram adapter: one {@link dev.alfred.channel.Channel} per bot whose {@code bot.yml} declares
 * {@code telegram}, built on telegrambots 10.2.0 against {@code alfred.telegram.api-url}.
 *
 * <p><b>Receiving.</b> With a webhook secret the bot runs in webhook mode on every instance:
 * {@code POST /telegram/webhook/{bot}} checks {@code X-Telegram-Bot-Api-Secret-Token} in constant
 * time (401 and nothing stored on any mismatch), stores the update and answers 200 with an empty
 * body; with a webhook URL as well (Alfred's public HTTPS base, e.g. {@code https://alfred.example.com})
 * it calls {@code setWebhook(url + "/telegram/webhook/" + bot)} with the secret at start; with a
 * secret and no URL it only listens (the webhook is registered elsewhere). Without a secret it long
 * polls, on the one instance that holds the bot's PostgreSQL advisory lock; the others retry every
 * {@code alfred.telegram.lock-retry}. Either way an update is stored before it is acknowledged (the
 * HTTP 200, or the next {@code getUpdates} offset), and the inbox drops a repeated {@code update_id}.
 * Telegram has no signed timestamp: a replayed update is absorbed by that de-duplication.
 *
 * <p><b>Normalising.</b> A {@code bot_command} at the start of a message is a COMMAND whose text has
 * neither the slash nor the {@code @botname}; a command for another bot is ignored. In groups plain
 * text counts only when it mentions the bot or replies to it (the mention is removed); anything
 * else is acknowledged and dropped. A {@code callback_query} is a BUTTON whose text is the button's
 * callback data; it is answered ({@code answerCallbackQuery}) right after it is stored.
 *
 * <p><b>Sending.</b> Replies are rendered in Telegram's HTML parse mode; a card becomes a bold title
 * with {@code label: value} lines; buttons an inline keyboard whose {@code callback_data} is the
 * button action, which Telegram caps at 64 bytes: a longer action is refused as a permanent
 * failure rather than silently cut. Text over 4096 characters is split on line breaks; the
 * keyboard goes with the last part; an image is sent with {@code sendPhoto}, a file with
 * {@code sendDocument}. When a later part fails, a retry resumes after the parts already sent (on
 * the same instance). Button styles have no Telegram equivalent and are ignored.
 *
 * <p><b>Direct chats and drafts.</b> A notification's chat {@code @<user id>} goes to the private chat
 * whose id is the user's id (the person must have started the bot once; otherwise Telegram answers 403,
 * a permanent failure). Drafts ({@code edits} = true) are a {@code sendMessage} and then
 * {@code editMessageText}; a final reply with {@code draft} in its reply address edits its first text
 * part (with the keyboard) into the draft, and sends a new message if Telegram can no longer edit it.
 *
 * <p><b>Configuration.</b> {@code alfred.telegram.api-url} (default {@code https://api.telegram.org}),
 * {@code alfred.telegram.poll-timeout} ({@code 50s}), {@code alfred.telegram.lock-retry} ({@code 5s}),
 * {@code alfred.telegram.start-retry} ({@code 10s}). The polling lock keeps one pooled database
 * connection per polling bot. Status: DISABLED without a bot token; DOWN while the start calls fail
 * or the last Bot API call failed (I/O, 5xx, a rejected token or {@code getUpdates}); UP otherwise.
 */
@NullMarked
package dev.alfred.channel.telegram;

import org.jspecify.annotations.NullMarked;
