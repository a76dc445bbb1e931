-- Claims scan the oldest pending rows by id; these keep that scan to the pending rows only.
create index inbox_pending_id on inbox (id) where status = 'pending';
create index outbox_pending_id on outbox (id) where status = 'pending';
