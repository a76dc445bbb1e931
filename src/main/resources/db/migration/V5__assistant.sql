-- A tenant's own assistant settings; null columns fall back to bot.yml and application settings.
create table assistant_tenant (
    tenant_id          uuid primary key references tenant (id),
    chain              text,
    prompt             text,
    monthly_budget_usd numeric(12, 2),
    daily_alert_usd    numeric(12, 2)
);

-- One row per assistant turn (the daily message limit counts them) ...
create table assistant_turn (
    id        bigserial primary key,
    tenant_id uuid        not null references tenant (id),
    user_id   uuid        not null references app_user (id),
    at        timestamptz not null default now()
);
create index assistant_turn_user_day on assistant_turn (user_id, at);

-- ... and one per provider call, with what it cost.
create table assistant_usage (
    id                bigserial primary key,
    tenant_id         uuid           not null references tenant (id),
    user_id           uuid references app_user (id),
    bot               text           not null,
    provider          text           not null,
    model             text           not null,
    prompt_tokens     int            not null,
    completion_tokens int            not null,
    cost_usd          numeric(18, 10) not null,
    at                timestamptz    not null default now()
);
create index assistant_usage_tenant_at on assistant_usage (tenant_id, at);

-- Answers to identical prompts over the same data; the key hashes tenant, prompt and data version.
create table assistant_cache (
    tenant_id  uuid        not null references tenant (id),
    key        text        not null,
    reply      jsonb       not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, key)
);

-- Bumped by every write to data the assistant reads, so that cached answers over old data miss.
create table tenant_data_version (
    tenant_id uuid primary key references tenant (id),
    version   bigint not null default 0
);

-- The day a tenant's daily cost alert went out, so that it goes out once.
create table assistant_cost_alert (
    tenant_id uuid not null references tenant (id),
    day       date not null,
    primary key (tenant_id, day)
);

-- Notifications pick the channel a person used last.
create index conversation_user_started on conversation (user_id, started_at);
