package dev.alfred.metrics;

import java.util.List;

/** A tab's good rows ({@code [row number, column values...]}) and its bad rows with their reasons. */
record ParsedTab(Tab tab, List<Object[]> rows, List<SyncError> errors) {}
