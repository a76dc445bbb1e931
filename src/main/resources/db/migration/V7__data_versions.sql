-- Every write to data the assistant answers from moves the tenant's data version, whoever writes
-- (a tool, a command, the admin API, a sync), so that a cached answer over older data misses.
-- Statement-level triggers: a sync that rewrites thousands of rows moves it once.
create function bump_data_version() returns trigger language plpgsql as $$
begin
    insert into tenant_data_version (tenant_id, version)
    select distinct tenant_id, 1 from changed
    on conflict (tenant_id) do update set version = tenant_data_version.version + 1;
    return null;
end
$$;

create trigger task_inserted after insert on task
    referencing new table as changed for each statement execute function bump_data_version();
create trigger task_updated after update on task
    referencing new table as changed for each statement execute function bump_data_version();
create trigger task_deleted after delete on task
    referencing old table as changed for each statement execute function bump_data_version();

create trigger meeting_inserted after insert on meeting
    referencing new table as changed for each statement execute function bump_data_version();
create trigger meeting_updated after update on meeting
    referencing new table as changed for each statement execute function bump_data_version();
create trigger meeting_deleted after delete on meeting
    referencing old table as changed for each statement execute function bump_data_version();

create trigger metrics_value_inserted after insert on metrics_value
    referencing new table as changed for each statement execute function bump_data_version();
create trigger metrics_value_updated after update on metrics_value
    referencing new table as changed for each statement execute function bump_data_version();
create trigger metrics_value_deleted after delete on metrics_value
    referencing old table as changed for each statement execute function bump_data_version();

create trigger metrics_manual_entry_inserted after insert on metrics_manual_entry
    referencing new table as changed for each statement execute function bump_data_version();
