-- Every message changes its lanes' pending count and lease several times, on few rows. With an index on
-- lease_until (and pending in its predicate) each change wrote a new index entry and a new row version
-- that only vacuum could remove: 100 lanes grew to 3 MB of dead versions in a minute at 1,000 messages/s,
-- and every statement on a lane walked through them. Without it the changes are heap-only updates, which
-- PostgreSQL prunes within the page as it goes; a claim reads the table, which holds one row per chat.
drop index queue_lane_ready;
alter table queue_lane set (fillfactor = 50);
