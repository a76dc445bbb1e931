/**
 * The audit log: one row for every change made through Alfred (who, what, to whom, which feature,
 * the old and the new value, when), written in the same transaction as the change itself.
 */
@NullMarked
package dev.alfred.audit;

import org.jspecify.annotations.NullMarked;
