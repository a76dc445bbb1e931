package dev.alfred.meeting;

import dev.alfred.audit.AuditLog;
import dev.alfred.channel.Reply;
import dev.alfred.conversation.Notifier;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import dev.alfred.task.People;
import dev.alfred.task.Person;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Schedules, lists and cancels meetings for an actor under {@code meetings.schedule}, scoped by the
 * actor's tenant. Scheduling refuses a time at which any attendee already has a meeting (a conflict
 * naming who is busy); the other attendees get the invitation in their direct chat.
 */
@Singleton
public class MeetingService {

    static final String SCHEDULE = "meetings.schedule";
    private static final int MAX_TITLE = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final MeetingStore store;
    private final People people;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Clock clock;

    MeetingService(
            MeetingStore store,
            People people,
            PermissionService permissions,
            AuditLog audit,
            Notifier notifier,
            Clock clock) {
        this.store = store;
        this.people = people;
        this.permissions = permissions;
        this.audit = audit;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Schedules a meeting with the actor as organizer; a busy attendee is a conflict naming them. */
    @Transactional
    public Meeting schedule(Actor actor, NewMeeting input) {
        permissions.require(actor, SCHEDULE);
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw Problem.invalid("a meeting needs a title of 1 to " + MAX_TITLE + " characters");
        }
        int minutes = Objects.requireNonNullElse(input.durationMinutes(), 30);
        if (minutes < 1 || minutes > 1440) {
            throw Problem.invalid("a meeting lasts between 1 and 1440 minutes");
        }
        if (input.start() == null) {
            throw Problem.invalid("when should the meeting start?");
        }
        if (input.start().isBefore(clock.instant())) {
            throw Problem.invalid("the meeting would start in the past");
        }
        Map<UUID, Person> attendees = new LinkedHashMap<>();
        Person organizer = people.get(actor.tenantId(), actor.userId());
        attendees.put(organizer.id(), organizer);
        for (String reference : input.attendees()) {
            Person person = people.resolve(actor, reference);
            attendees.putIfAbsent(person.id(), person);
        }
        Meeting draft = new Meeting(
                0, actor.tenantId(), title, actor.userId(), List.copyOf(attendees.keySet()), input.start(), minutes);
        store.lockTenant(actor.tenantId());
        List<MeetingStore.Busy> busy =
                store.overlapping(actor.tenantId(), draft.attendees(), draft.start(), draft.end());
        if (!busy.isEmpty()) {
            ZoneId zone = ZoneId.of(actor.timezone());
            throw Problem.conflict("Not everyone is free then: "
                    + busy.stream()
                            .map(b -> attendees.get(b.userId()).name() + " has *"
                                    + b.meeting().title() + "* " + span(b.meeting(), zone))
                            .collect(Collectors.joining("; "))
                    + ".");
        }
        Meeting meeting = store.insert(draft);
        audit.record(new AuditLog.Change(
                actor.tenantId(), actor.userId(), "meeting.schedule", null, null, null, summary(meeting)));
        List<Person> everyone = new ArrayList<>(attendees.values());
        for (Person attendee : everyone) {
            if (!attendee.id().equals(actor.userId())) {
                notifier.notify(
                        actor.tenantId(),
                        attendee.id(),
                        Reply.text(actor.name() + " invited you: " + describe(meeting, attendee.zone()) + ".")
                                .withAttachment(Invitation.attachment(meeting, organizer, everyone, clock.instant())));
            }
        }
        return meeting;
    }

    /** The meetings the actor attends that have not ended, soonest first. */
    @Transactional
    public List<Meeting> upcoming(Actor actor, int size) {
        permissions.require(actor, SCHEDULE);
        if (size < 1 || size > 200) {
            throw Problem.invalid("size must be between 1 and 200");
        }
        return store.attended(actor.tenantId(), actor.userId(), clock.instant(), size);
    }

    /** A meeting the actor attends (any meeting of the tenant for a {@code ceo} or {@code admin}). */
    @Transactional
    public Meeting get(Actor actor, long id) {
        permissions.require(actor, SCHEDULE);
        Meeting meeting = store.find(actor.tenantId(), id).orElseThrow(() -> Problem.notFound("meeting", id));
        if (!meeting.attendees().contains(actor.userId()) && !isLeader(actor)) {
            throw Problem.notFound("meeting", id);
        }
        return meeting;
    }

    /** Cancels a meeting: its organizer, a {@code ceo} or an {@code admin} may; attendees are told. */
    @Transactional
    public void cancel(Actor actor, long id) {
        Meeting meeting = get(actor, id);
        if (!meeting.organizerId().equals(actor.userId()) && !isLeader(actor)) {
            throw Problem.deniedBecause("only the organizer may cancel this meeting");
        }
        store.delete(actor.tenantId(), id);
        audit.record(new AuditLog.Change(
                actor.tenantId(), actor.userId(), "meeting.cancel", null, null, summary(meeting), null));
        for (UUID attendee : meeting.attendees()) {
            if (!attendee.equals(actor.userId())) {
                Person person = people.get(actor.tenantId(), attendee);
                notifier.notify(
                        actor.tenantId(),
                        attendee,
                        Reply.text(actor.name() + " cancelled " + describe(meeting, person.zone()) + "."));
            }
        }
    }

    /** The calendar file of a meeting. */
    @Transactional
    public Reply.Attachment invitation(Meeting meeting) {
        List<Person> attendees = meeting.attendees().stream()
                .map(id -> people.get(meeting.tenantId(), id))
                .toList();
        return Invitation.attachment(
                meeting, people.get(meeting.tenantId(), meeting.organizerId()), attendees, clock.instant());
    }

    /** The person's upcoming meetings as a chat list, each {@linkplain #describe described}, or that there are none. */
    @Transactional
    public String describeUpcoming(List<Meeting> upcoming, ZoneId zone) {
        return upcoming.isEmpty()
                ? "You have no upcoming meetings."
                : "Your upcoming meetings:\n"
                        + upcoming.stream().map(m -> "- " + describe(m, zone)).collect(Collectors.joining("\n"));
    }

    /** "*Budget* on Mon 23 Nov 10:00-10:30 (Europe/Berlin) with Alice, Bob". */
    @Transactional
    public String describe(Meeting meeting, ZoneId zone) {
        String names = meeting.attendees().stream()
                .map(id -> people.get(meeting.tenantId(), id).name())
                .sorted()
                .collect(Collectors.joining(", "));
        return "meeting #" + meeting.id() + " *" + meeting.title() + "* on " + span(meeting, zone) + " with " + names;
    }

    private static String span(Meeting meeting, ZoneId zone) {
        return WHEN.format(meeting.start().atZone(zone)) + "-"
                + CLOCK.format(meeting.end().atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String summary(Meeting meeting) {
        return "title=%s, start=%s, minutes=%d, attendees=%s"
                .formatted(meeting.title(), meeting.start(), meeting.durationMinutes(), meeting.attendees());
    }

    private static boolean isLeader(Actor actor) {
        return actor.role() == Role.CEO || actor.role() == Role.ADMIN;
    }
}
