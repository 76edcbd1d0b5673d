-- wirewatch_fence(ours) locks the epoch row FOR SHARE and raises WW001 when
-- it no longer holds ours. A leader sends it in one round trip with the
-- single statement it guards (one implicit transaction): an election waits
-- for the pair, and the statement is not run after one.
CREATE FUNCTION wirewatch_fence(ours BIGINT) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM leader_epoch WHERE epoch = ours FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'another replica leads now (epoch is no longer %)', ours USING ERRCODE = 'WW001';
    END IF;
END
$$;
