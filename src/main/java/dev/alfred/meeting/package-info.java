/**
 * Meetings: a title, an organizer who also attends, attendees, a start and a length.
 * {@link dev.alfred.meeting.MeetingService} schedules them under {@code meetings.schedule} after
 * checking that no attendee has another meeting at that time, and the confirmation carries an
 * RFC 5545 {@code .ics} invitation. Attendees see their meetings; the organizer, a {@code ceo} or an
 * {@code admin} may cancel one.
 */
@NullMarked
package dev.alfred.meeting;

import org.jspecify.annotations.NullMarked;
