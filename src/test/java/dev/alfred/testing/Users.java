package dev.alfred.testing;

import java.util.UUID;

/**
 * Builds users through the admin API: {@code Users.of(api, ownerKey).role("manager").create()}
 * returns the new user's id and an API key acting as that user.
 */
public final class Users {

    private final ApiClient api;
    private final String adminKey;
    private String name = "User " + UUID.randomUUID().toString().substring(0, 6);
    private String role = "employee";
    private String timezone = "UTC";

    private Users(ApiClient api, String adminKey) {
        this.api = api;
        this.adminKey = adminKey;
    }

    public static Users of(ApiClient api, String adminKey) {
        return new Users(api, adminKey);
    }

    public Users name(String name) {
        this.name = name;
        return this;
    }

    public Users role(String role) {
        this.role = role;
        return this;
    }

    public Users timezone(String timezone) {
        this.timezone = timezone;
        return this;
    }

    /** A created user and a fresh API key acting as them. */
    public record Created(String id, String key) {}

    public Created create() {
        ApiClient.Response user = api.post("/api/v1/users", adminKey, """
                {"name": "%s", "role": "%s", "timezone": "%s"}""".formatted(name, role, timezone));
        if (user.status() != 201) {
            throw new IllegalStateException("could not create user: " + user);
        }
        String id = user.get("id");
        ApiClient.Response key = api.post("/api/v1/api-keys", adminKey, """
                {"userId": "%s", "name": "test"}""".formatted(id));
        if (key.status() != 201) {
            throw new IllegalStateException("could not issue key: " + key);
        }
        return new Created(id, key.get("key"));
    }
}
