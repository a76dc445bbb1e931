/**
 * Background jobs on PostgreSQL through db-scheduler: one-off jobs (a task reminder) and recurring
 * jobs (a nightly sync) that run once across all instances, with retries and heartbeats.
 *
 * <p>A feature contributes a db-scheduler {@code Task} bean; recurring ones start themselves.
 * {@link dev.alfred.job.Jobs} schedules in the caller's transaction, so a job exists exactly when
 * the row it is about was committed. Job state that users look at lives in the feature's own table:
 * db-scheduler deletes a one-off job's row once it ran.
 */
@NullMarked
package dev.alfred.job;

import org.jspecify.annotations.NullMarked;
