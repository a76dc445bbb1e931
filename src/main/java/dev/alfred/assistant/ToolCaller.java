package dev.alfred.assistant;

import dev.alfred.identity.Actor;
import java.time.ZoneId;

/** Who a tool runs for: the person (tenant, role) and the time zone their relative dates mean. */
public record ToolCaller(Actor actor, ZoneId zone) {}
