/**
 * Tasks: who does what by when. {@link dev.alfred.task.TaskService} creates, lists, completes,
 * cancels, reopens and reassigns them under the permission core ({@code tasks.create},
 * {@code tasks.assign} to give a task to someone else, {@code tasks.view_team} for the team's
 * list); {@link dev.alfred.task.People} resolves "Bob", "@bob", {@code <@U123>} or a user id to a
 * user of the tenant. The assignee is told through the notifier and reminded before the due time
 * by a db-scheduler job whose instance id is the task id.
 *
 * <p>A person sees the tasks assigned to them or created by them; {@code ceo} and {@code admin} see
 * the whole tenant; holders of {@code tasks.view_team} see their team: the users of their own
 * department, or the whole tenant when they have none. A task someone may not see is reported as
 * not found, like another tenant's.
 */
@NullMarked
package dev.alfred.task;

import org.jspecify.annotations.NullMarked;
