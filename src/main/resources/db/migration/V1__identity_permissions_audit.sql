-- Tenants, users and how they reach Alfred.
create table tenant (
    id                  uuid primary key,
    slug                text not null unique,
    name                text not null,
    timezone            text not null default 'UTC',
    currency            text not null default 'USD',
    operator            boolean not null default false,
    permissions_version bigint not null default 0,
    created_at          timestamptz not null default now()
);
-- Exactly one tenant operates the installation: the first one, created at bootstrap.
create unique index tenant_single_operator on tenant (operator) where operator;

create table app_user (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id),
    name        text not null,
    email       text,
    role        text not null check (role in ('ceo', 'admin', 'manager', 'employee', 'agent', 'creator')),
    department  text,
    timezone    text not null default 'UTC',
    tier        text,
    active      boolean not null default true,
    created_at  timestamptz not null default now()
);
create index app_user_tenant on app_user (tenant_id, name);
create unique index app_user_email on app_user (tenant_id, lower(email)) where email is not null;

create table channel_account (
    id               uuid primary key,
    tenant_id        uuid not null references tenant (id),
    user_id          uuid not null references app_user (id),
    bot              text not null,
    channel          text not null,
    platform_user_id text not null,
    linked_at        timestamptz not null default now(),
    unique (bot, channel, platform_user_id),
    unique (user_id, bot, channel)
);

create table link_code (
    code_hash  text primary key,
    tenant_id  uuid not null references tenant (id),
    user_id    uuid not null references app_user (id),
    expires_at timestamptz not null,
    used_at    timestamptz
);

create table api_key (
    id           uuid primary key,
    tenant_id    uuid not null references tenant (id),
    user_id      uuid not null references app_user (id),
    name         text not null,
    prefix       text not null,
    secret_hash  text not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_key_tenant on api_key (tenant_id, created_at);

-- Permission settings stored per tenant; the catalogue and shipped defaults are in config/permissions.yml.
create table role_permission (
    tenant_id  uuid not null references tenant (id),
    role       text not null,
    feature    text not null,
    allowed    boolean not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, role, feature)
);

create table user_permission (
    tenant_id  uuid not null references tenant (id),
    user_id    uuid not null references app_user (id),
    feature    text not null,
    allowed    boolean not null,
    updated_at timestamptz not null default now(),
    primary key (user_id, feature)
);
create index user_permission_tenant on user_permission (tenant_id);

create table audit_log (
    id             bigserial primary key,
    tenant_id      uuid not null references tenant (id),
    actor_id       uuid,
    action         text not null,
    target_user_id uuid,
    feature        text,
    old_value      text,
    new_value      text,
    at             timestamptz not null default now()
);
create index audit_log_tenant_at on audit_log (tenant_id, at desc);
