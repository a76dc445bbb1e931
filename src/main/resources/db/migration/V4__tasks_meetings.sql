-- Tasks: numbered ids so that people can say "task 42" and buttons can carry them.
create table task (
    id          bigserial primary key,
    tenant_id   uuid not null references tenant (id),
    title       text not null,
    description text,
    assignee_id uuid not null references app_user (id),
    creator_id  uuid not null references app_user (id),
    due         timestamptz,
    priority    text not null check (priority in ('low', 'normal', 'high', 'urgent')),
    status      text not null check (status in ('open', 'done', 'cancelled')),
    source      text not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index task_assignee on task (tenant_id, assignee_id, status, due);
create index task_creator on task (tenant_id, creator_id, status, due);

create table meeting (
    id               bigserial primary key,
    tenant_id        uuid not null references tenant (id),
    title            text not null,
    organizer_id     uuid not null references app_user (id),
    starts_at        timestamptz not null,
    duration_minutes int not null check (duration_minutes between 1 and 1440),
    created_at       timestamptz not null default now()
);

-- The organizer is an attendee too; the conflict check reads this table.
create table meeting_attendee (
    meeting_id bigint not null references meeting (id) on delete cascade,
    user_id    uuid not null references app_user (id),
    primary key (meeting_id, user_id)
);
create index meeting_attendee_user on meeting_attendee (user_id, meeting_id);
