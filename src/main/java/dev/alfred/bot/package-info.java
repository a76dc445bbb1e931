/**
 * The bots Alfred runs, one folder each under {@code alfred.bots-dir}: {@code <name>/bot.yml} names
 * the bot's tenant, display name, persona prompt, enabled features and, per channel, the
 * environment variables that hold its secrets. A channel whose required secret is unset is
 * disabled for that bot, and says so in {@code /health} and the log.
 */
@NullMarked
package dev.alfred.bot;

import org.jspecify.annotations.NullMarked;
