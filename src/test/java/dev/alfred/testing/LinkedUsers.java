package dev.alfred.testing;

import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.identity.LinkCodeService;
import dev.alfred.identity.Role;
import dev.alfred.identity.UserInput;
import dev.alfred.identity.UserService;
import io.micronaut.context.ApplicationContext;

/** Creates employees of the default tenant linked to platform accounts, the way {@code /link CODE} does. */
public final class LinkedUsers {

    private LinkedUsers() {}

    /** A new employee named {@code name}, linked to {@code platformUserId} on the bot {@code alfred}'s {@code channel}. */
    public static Actor link(ApplicationContext context, String channel, String platformUserId, String name) {
        Actor owner = context.getBean(ApiKeyService.class)
                .authenticate(AlfredProperties.OWNER_KEY)
                .orElseThrow();
        var user = context.getBean(UserService.class)
                .create(owner, new UserInput(name, null, Role.EMPLOYEE, null, null, null, null));
        LinkCodeService links = context.getBean(LinkCodeService.class);
        return links.redeem(links.create(owner, user.id()).code(), "alfred", channel, platformUserId);
    }
}
