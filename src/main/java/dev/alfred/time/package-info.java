/**
 * Dates and times as people write them in chat: {@link dev.alfred.time.TimePhrases} turns "tomorrow
 * 3pm", "next Friday", "in 2 hours" or an ISO date-time into a moment in the speaker's time zone, and
 * {@link dev.alfred.time.FuzzyWords} tolerates the typos people make while writing them.
 *
 * <p>Numeric dates are ISO only ({@code 2026-12-03}): "3/12" means the 3rd of December to some and
 * the 12th of March to others, so it is not guessed.
 */
@NullMarked
package dev.alfred.time;

import org.jspecify.annotations.NullMarked;
