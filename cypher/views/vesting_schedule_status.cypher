// view: v_vesting_schedule_status
// question: >-
//   How much of each vesting grant has vested, been claimed, been forfeited and is still
//   unvested, as of the agreement's latest vesting event?
// parameters: {}
// columns:
//   agreement_code: text
//   token_symbol: text
//   schedule_code: text
//   beneficiary_type: text
//   beneficiary_key: text
//   status: text
//   grant_date: date
//   vesting_end_date: date
//   as_of_date: date
//   granted_amount: number
//   vested_to_date: number
//   claimed_to_date: number
//   vested_unclaimed: number
//   forfeited: number
//   unvested: number
//   vested_pct: number
//
// Token amounts are NUMERIC(28,8), not money: they are summed exactly as integers of
// 1e-8 token and returned as numbers. vested_pct = ROUND(100 * vested / granted, 2) by
// integer long division, rounded half up (amounts are positive).
MATCH (va:VestingAgreement)-[:TOKEN]->(tr:Token),
      (va)-[:FOR_VESTING_SCHEDULE]->(vs:VestingSchedule)
OPTIONAL MATCH (va)-[:FOR_TEAM_MEMBER]->(tm:TeamMember)
OPTIONAL MATCH (va)-[:FOR_COMMUNITY_MEMBER]->(cm:CommunityMember)
CALL (va) {
  OPTIONAL MATCH (e:VestingEvent)-[:FOR_VESTING_AGREEMENT]->(va)
  WITH e, toInteger(round(e.amount * 100000000)) AS units
  RETURN max(e.event_date) AS as_of_date,
         sum(CASE WHEN e.event_type IN ['tge_unlock', 'cliff_unlock', 'periodic_unlock',
                                        'acceleration'] THEN units ELSE 0 END) AS vested,
         sum(CASE WHEN e.event_type = 'claim' THEN units ELSE 0 END) AS claimed,
         sum(CASE WHEN e.event_type = 'forfeit' THEN units ELSE 0 END) AS forfeited
}
WITH va, tr, vs, tm, cm, as_of_date, vested, claimed, forfeited,
     toInteger(round(va.granted_amount * 100000000)) AS granted
WITH va, tr, vs, tm, cm, as_of_date, vested, claimed, forfeited, granted,
     reduce(st = [100 * vested / granted, 100 * vested % granted], i IN range(1, 2) |
            [st[0] * 10 + st[1] * 10 / granted, st[1] * 10 % granted]) AS qr
RETURN va.code AS agreement_code,
       tr.symbol AS token_symbol,
       vs.code AS schedule_code,
       CASE WHEN tm IS NOT NULL THEN 'team_member' ELSE 'community_member' END
         AS beneficiary_type,
       coalesce(tm.code, cm.handle) AS beneficiary_key,
       va.status AS status,
       va.grant_date AS grant_date,
       va.vesting_end_date AS vesting_end_date,
       as_of_date,
       toFloat(granted) / 100000000 AS granted_amount,
       toFloat(vested) / 100000000 AS vested_to_date,
       toFloat(claimed) / 100000000 AS claimed_to_date,
       toFloat(vested - claimed) / 100000000 AS vested_unclaimed,
       toFloat(forfeited) / 100000000 AS forfeited,
       toFloat(granted - vested - forfeited) / 100000000 AS unvested,
       toFloat(qr[0] + CASE WHEN 2 * qr[1] >= granted THEN 1 ELSE 0 END) / 100 AS vested_pct
ORDER BY token_symbol, agreement_code
