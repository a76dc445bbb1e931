-- When a worker last leased the lane. A claim takes the lanes served longest ago first: ordered by the
-- lease alone, every free lane tied (no lease), and under load the same lanes won each claim while
-- others waited seconds.
alter table queue_lane add column served_at timestamptz;
