-- Everything a platform sent, stored before the platform is acknowledged.
create table inbox (
    id               bigserial primary key,
    bot              text not null,
    channel          text not null,
    event_id         text not null,
    workspace        text,
    chat             text not null,
    platform_user_id text not null,
    user_name        text,
    kind             text not null,
    text             text not null,
    reply_address    jsonb not null default '{}',
    received_at      timestamptz not null default now(),
    status           text not null default 'pending' check (status in ('pending', 'done', 'failed')),
    attempts         int not null default 0,
    processed_at     timestamptz,
    error            text,
    unique (bot, channel, event_id)
);
-- A chat's pending rows in order: its lane's worker takes them from here.
create index inbox_pending on inbox (bot, channel, chat, id) where status = 'pending';

-- Every reply, written in the transaction that marks its inbox row done.
create table outbox (
    id                  bigserial primary key,
    inbox_id            bigint references inbox (id),
    tenant_id           uuid references tenant (id),
    bot                 text not null,
    channel             text not null,
    chat                text not null,
    reply               jsonb not null,
    reply_address       jsonb not null default '{}',
    status              text not null default 'pending' check (status in ('pending', 'sent', 'dead')),
    attempts            int not null default 0,
    next_attempt_at     timestamptz not null default now(),
    last_error          text,
    platform_message_id text,
    created_at          timestamptz not null default now(),
    sent_at             timestamptz
);
create index outbox_pending on outbox (bot, channel, chat, id) where status = 'pending';
create index outbox_inbox on outbox (inbox_id);
create index outbox_dead on outbox (tenant_id, id) where status = 'dead';

-- One lane per (queue, bot, channel, chat) with pending rows: workers lease lanes, not rows, so a
-- chat's messages are handled one at a time and in order, and any number of chats in parallel.
-- pending counts the lane's pending rows; it changes in the transactions that add or finish them.
create table queue_lane (
    queue       text not null check (queue in ('inbox', 'outbox')),
    bot         text not null,
    channel     text not null,
    chat        text not null,
    pending     int not null default 0,
    lease_until timestamptz,
    lease_owner uuid,
    primary key (queue, bot, channel, chat)
) with (fillfactor = 70);
create index queue_lane_ready on queue_lane (queue, lease_until) where pending > 0;

-- A conversation per (bot, channel, chat, user); /reset ends it and the next message starts another.
create table conversation (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    user_id    uuid not null references app_user (id),
    bot        text not null,
    channel    text not null,
    chat       text not null,
    started_at timestamptz not null default now(),
    ended_at   timestamptz
);
create unique index conversation_active on conversation (bot, channel, chat, user_id) where ended_at is null;

create table conversation_message (
    id              bigserial primary key,
    conversation_id uuid not null references conversation (id),
    role            text not null check (role in ('user', 'assistant')),
    text            text not null,
    at              timestamptz not null default now()
);
create index conversation_message_recent on conversation_message (conversation_id, id desc);

-- Slack workspaces and Discord guilds that belong to a tenant other than their bot's.
create table workspace_tenant (
    channel      text not null,
    workspace_id text not null,
    tenant_id    uuid not null references tenant (id),
    primary key (channel, workspace_id)
);
