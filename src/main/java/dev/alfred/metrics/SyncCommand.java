package dev.alfred.metrics;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.ChatCommand;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.CommandSpec;
import jakarta.inject.Singleton;

/** {@code /sync}: syncs the metrics from the tenant's Google Sheet now. */
@Singleton
class SyncCommand implements ChatCommand {

    private static final CommandSpec SPEC =
            new CommandSpec("sync", "Sync the metrics from the Google Sheet now", "", "metrics.sync", "");

    private final SyncService sync;

    SyncCommand(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(CommandContext context) {
        SyncRun run = sync.requestSync(context.actor());
        return Reply.text("Syncing the metrics from the sheet (run " + run.id()
                + "). The numbers are recomputed when it is done; GET /api/v1/metrics/syncs shows how it went.");
    }
}
