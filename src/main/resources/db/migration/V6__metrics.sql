-- Business metrics: the synced source data, computed values per period, manual entries, sync runs.

-- Where a tenant's Google Sheet is and how often it is synced.
create table metrics_sheet (
    tenant_id      uuid primary key references tenant (id),
    spreadsheet_id text not null,
    tabs           jsonb not null default '{}',
    schedule       text not null check (schedule in ('daily', 'weekly', 'monthly')),
    last_queued_at timestamptz,
    updated_at     timestamptz not null default now()
);

create table metrics_subscription (
    tenant_id        uuid not null references tenant (id),
    row_no           int not null,
    customer_id      text not null,
    customer_name    text,
    segment          text,
    channel          text,
    plan             text,
    amount           numeric not null,
    billing_interval text not null check (billing_interval in ('month', 'quarter', 'year')),
    quantity         numeric not null,
    discount_pct     numeric not null,
    discount_forever boolean not null,
    trial_end        date,
    start_date       date not null,
    end_date         date,
    -- Normalised once when a row is stored, so that a recompute only adds and sorts:
    -- the monthly amount (a finite discount does not lower MRR, a forever one does), the first
    -- month it counts in (started and out of trial by the month's last day) and the first month it
    -- no longer counts in (the month of end_date: it must end after a month's last day to count).
    mrr              numeric generated always as (
        amount * quantity * case when discount_forever then 100 - discount_pct else 100 end
            / case billing_interval when 'month' then 100 when 'quarter' then 300 else 1200 end) stored,
    counts_from      date generated always as (
        date_trunc('month', greatest(start_date, coalesce(trial_end, start_date))::timestamp)::date) stored,
    counts_until     date generated always as (date_trunc('month', end_date::timestamp)::date) stored
);
create index metrics_subscription_tenant on metrics_subscription (tenant_id);

create table metrics_expense (
    tenant_id uuid not null references tenant (id),
    row_no    int not null,
    spent_on  date not null,
    category  text not null check (category in ('sales', 'marketing', 'cogs', 'other')),
    channel   text,
    amount    numeric not null
);
create index metrics_expense_tenant on metrics_expense (tenant_id);

create table metrics_project (
    tenant_id      uuid not null references tenant (id),
    row_no         int not null,
    project        text not null,
    customer_id    text,
    value          numeric not null,
    status         text not null,
    completed_date date
);
create index metrics_project_tenant on metrics_project (tenant_id);

create table metrics_strategic (
    tenant_id uuid not null references tenant (id),
    key       text not null,
    value     text not null,
    primary key (tenant_id, key)
);

-- Computed values, replaced as a whole for the tenant after every sync or import.
-- channel is '' for the company-wide value, else the acquisition channel (CAC by channel).
create table metrics_value (
    tenant_id uuid not null references tenant (id),
    key       text not null,
    period    text not null,
    channel   text not null default '',
    value     numeric,
    note      text,
    primary key (tenant_id, key, period, channel)
);

-- Values entered by hand; the newest one of a (key, period) wins over the computed value.
create table metrics_manual_entry (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    key        text not null,
    period     text not null,
    value      numeric not null,
    note       text not null,
    entered_by uuid not null references app_user (id),
    entered_at timestamptz not null default now()
);
create index metrics_manual_entry_lookup on metrics_manual_entry (tenant_id, key, period, entered_at desc);

create table metrics_sync_run (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id),
    source      text not null check (source in ('sheets', 'csv')),
    status      text not null check (status in ('running', 'ok', 'failed')),
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    rows        jsonb not null default '{}',
    errors      jsonb not null default '[]'
);
create index metrics_sync_run_tenant on metrics_sync_run (tenant_id, started_at desc);
