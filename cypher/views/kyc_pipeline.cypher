// view: v_kyc_pipeline
// question: >-
//   How many KYC applications does each verification tier have in progress, approved,
//   rejected or expired, what is its approval rate, how many hours does an approve/reject
//   decision take on average, and what do the vendor checks cost (per currency)?
// parameters: {}
// columns:
//   tier_code: text
//   tier_level: integer
//   tier_name: text
//   applications: integer
//   in_progress: integer
//   approved: integer
//   rejected: integer
//   expired: integer
//   approval_rate_pct: number
//   avg_decision_hours: number
//   check_cost_total_micros: price
//   currency: text
//
// One row per tier and currency (the application's, or the tier's when it has none).
// Rates and hours are computed in integers (hundredths of a percent, tenths of an hour,
// decision times in microseconds) and rounded half away from zero like NUMERIC ROUND.
MATCH (vt:VerificationTier)
OPTIONAL MATCH (ka:KycApplication)-[:FOR_VERIFICATION_TIER]->(vt)
WITH vt, ka, coalesce(ka.currency, vt.currency) AS currency,
     CASE WHEN ka.status IN ['approved', 'rejected']
          THEN duration.inSeconds(ka.submitted_at, ka.decided_at) END AS took
WITH vt, currency,
     count(ka) AS applications,
     count(CASE WHEN ka.status IN ['submitted', 'in_review', 'resubmission_requested']
                THEN 1 END) AS in_progress,
     count(CASE WHEN ka.status = 'approved' THEN 1 END) AS approved,
     count(CASE WHEN ka.status = 'rejected' THEN 1 END) AS rejected,
     count(CASE WHEN ka.status = 'expired' THEN 1 END) AS expired,
     count(took) AS decided,
     sum(took.seconds * 1000000 + took.nanosecondsOfSecond / 1000) AS decision_micros,
     sum(ka.check_cost_micros) AS check_cost_micros
WITH vt, currency, applications, in_progress, approved, rejected, expired, check_cost_micros,
     approved + rejected AS closed,
     // tenths of an hour: micros * 10 / (decided * 3600e6)
     decision_micros * 10 AS a, decided * 3600000000 AS b
RETURN vt.code AS tier_code,
       vt.tier_level AS tier_level,
       vt.name AS tier_name,
       applications,
       in_progress,
       approved,
       rejected,
       expired,
       CASE WHEN closed > 0
            THEN toFloat((2 * 10000 * approved + closed) / (2 * closed)) / 100 END
         AS approval_rate_pct,
       CASE WHEN b > 0
            THEN toFloat(sign(a) * ((2 * abs(a) + b) / (2 * b))) / 10 END AS avg_decision_hours,
       coalesce(check_cost_micros, 0) AS check_cost_total_micros,
       currency
ORDER BY tier_level, currency
