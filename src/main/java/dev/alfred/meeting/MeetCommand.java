package dev.alfred.meeting;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.ChatCommand;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.CommandSpec;
import dev.alfred.identity.Actor;
import dev.alfred.problem.Problem;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /meet <title> with @a @b <when> [for 45m]}: schedules a meeting and answers with the
 * {@code .ics} invitation; {@code /meet} alone lists upcoming meetings, {@code /meet cancel 3}
 * cancels one.
 */
@Singleton
class MeetCommand implements ChatCommand {

    private static final CommandSpec SPEC = new CommandSpec(
            "meet",
            "Schedule a meeting, list yours, or cancel one",
            "Budget with @alice @bob tomorrow 10am for 45m | cancel 3",
            MeetingService.SCHEDULE,
            "meeting");
    private static final Pattern CANCEL = Pattern.compile("(?i)cancel\\s+#?(\\d+)");

    private final MeetingService meetings;

    MeetCommand(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(CommandContext context) {
        Actor actor = context.actor();
        ZoneId zone = ZoneId.of(actor.timezone());
        String args = context.args().strip();
        if (args.isEmpty()) {
            return Reply.text(meetings.describeUpcoming(meetings.upcoming(actor, 20), zone));
        }
        Matcher cancel = CANCEL.matcher(args);
        if (cancel.matches()) {
            long id = Long.parseLong(cancel.group(1));
            meetings.cancel(actor, id);
            return Reply.text("Meeting #" + id + " is cancelled; the attendees were told.");
        }
        MeetingText.Draft draft = MeetingText.parse(args, ZonedDateTime.now(zone));
        if (draft.start() == null) {
            throw Problem.invalid("When? e.g. `meet Budget with @alice tomorrow 10am for 45m`.");
        }
        Meeting meeting = meetings.schedule(
                actor,
                new NewMeeting(
                        draft.title().isEmpty() ? "Meeting" : draft.title(),
                        draft.attendees(),
                        draft.start().toInstant(),
                        draft.length() == null ? null : (int) draft.length().toMinutes()));
        return Reply.text("Scheduled " + meetings.describe(meeting, zone) + ". The invitation is attached.")
                .withAttachment(meetings.invitation(meeting));
    }
}
