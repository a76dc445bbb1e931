package dev.alfred.problem;

/**
 * A refusal caused by what the caller asked for, never by a fault of Alfred. The admin API turns it
 * into a 4xx JSON error; chat channels show its detail to the person.
 */
public final class Problem extends RuntimeException {

    /** What kind of refusal this is; the admin API maps each kind to one HTTP status. */
    public enum Kind {
        NOT_FOUND,
        INVALID,
        CONFLICT,
        DENIED
    }

    private final Kind kind;

    private Problem(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return getMessage();
    }

    public static Problem notFound(String what, Object id) {
        return new Problem(Kind.NOT_FOUND, what + " " + id + " not found");
    }

    public static Problem invalid(String detail) {
        return new Problem(Kind.INVALID, detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(Kind.CONFLICT, detail);
    }

    public static Problem denied(String feature) {
        return new Problem(Kind.DENIED, "not allowed: " + feature);
    }

    public static Problem deniedBecause(String detail) {
        return new Problem(Kind.DENIED, detail);
    }
}
