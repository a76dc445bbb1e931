package dev.alfred.permission;

/** The rule that decided a permission, in the order they are tried. */
public enum Rule {
    CEO,
    USER_OVERRIDE,
    ROLE_DEFAULT,
    SYSTEM_DEFAULT
}
