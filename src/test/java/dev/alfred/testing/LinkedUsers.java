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
        return link(context, channel, platformUserId, name, Role.EMPLOYEE);
    }

    /** A new user with {@code role}, linked like {@link #link(ApplicationContext, String, String, String)}. */
    public static Actor link(
            ApplicationContext context, String channel, String platformUserId, String name, Role role) {
        return context.getBean(LinkCodeService.class)
                .redeem(code(context, name, role), "alfred", channel, platformUserId);
    }

    /** A link code for a new user with {@code role}, not yet linked, as an admin creates it. */
    public static String code(ApplicationContext context, String name, Role role) {
        Actor owner = context.getBean(ApiKeyService.class)
                .authenticate(AlfredProperties.OWNER_KEY)
                .orElseThrow();
        var user = context.getBean(UserService.class)
                .create(owner, new UserInput(name, null, role, null, null, null, null));
        return context.getBean(LinkCodeService.class).create(owner, user.id()).code();
    }

    /** Links the default tenant's ceo (the owner of {@link AlfredProperties#OWNER_KEY}) to {@code platformUserId}. */
    public static Actor linkOwner(ApplicationContext context, String channel, String platformUserId) {
        Actor owner = context.getBean(ApiKeyService.class)
                .authenticate(AlfredProperties.OWNER_KEY)
                .orElseThrow();
        LinkCodeService links = context.getBean(LinkCodeService.class);
        return links.redeem(links.create(owner, owner.userId()).code(), "alfred", channel, platformUserId);
    }
}
