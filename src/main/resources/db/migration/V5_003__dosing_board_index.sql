-- The monitoring board polls a location's sessions that are active or ended today. With only
-- dosing_session_location_ix the engines read every session the location ever had (H2 cannot use an IN list on the
-- index's second column; an OR defeats both). A session is active exactly while ended_at is empty: every ending sets
-- its status and ended_at in one update, and the constraint keeps it so. The board then reads two short ranges of
-- this index: ended_at IS NULL, and ended_at since midnight.
ALTER TABLE dosing_session ADD CONSTRAINT dosing_session_ended_ck
    CHECK ((ended_at IS NULL) = (status IN ('GATE', 'CLEARED', 'DOSING', 'OBSERVING')));
CREATE INDEX dosing_session_ended_ix ON dosing_session (location_id, ended_at);
