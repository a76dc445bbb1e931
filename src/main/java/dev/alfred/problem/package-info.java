/**
 * The ways a request can be refused, shared by every feature so that each channel and the admin API
 * can tell the person why in the same words: not found, invalid input, a conflict, not allowed.
 */
@NullMarked
package dev.alfred.problem;

import org.jspecify.annotations.NullMarked;
