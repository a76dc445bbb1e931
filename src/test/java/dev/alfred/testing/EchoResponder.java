package dev.alfred.testing;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.FreeTextResponder;
import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Answers free text with {@code echo: <text>}; the text {@code block} waits until released, so
 * that tests can stop an instance in the middle of handling a message; {@code crash} always throws, and
 * {@code refuse} reads the conversation and is then refused. Active with
 * {@code alfred.test.echo=true}, in place of the assistant.
 */
@Singleton
@Primary
@Requires(property = "alfred.test.echo", value = "true")
public class EchoResponder implements FreeTextResponder {

    /** Released by tests; until then a {@code block} message hangs in the responder. */
    public static volatile CountDownLatch gate = new CountDownLatch(1);

    /** Counted down each time a {@code block} message starts being handled. */
    public static volatile CountDownLatch blocked = new CountDownLatch(1);

    @Override
    public Reply respond(CommandContext context) {
        if (context.args().equals("block")) {
            blocked.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while blocked", e);
            }
        }
        if (context.args().equals("refuse")) {
            context.conversationId(); // as the assistant reads the history before it answers
            throw Problem.invalid("refused, as asked");
        }
        if (context.args().equals("crash")) {
            throw new IllegalStateException("crash, as asked");
        }
        return Reply.text("echo: " + context.args());
    }
}
