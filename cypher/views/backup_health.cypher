// view: v_backup_health
// question: >-
//   Is each backup policy running well: runs, successes, failures, success rate, last run
//   and status, last success, last restore test, last size and monthly cost?
// parameters: {}
// columns:
//   backup_code: text
//   name: text
//   frequency: text
//   rpo_minutes: integer
//   destination_provider: text
//   runs: integer
//   successful_runs: integer
//   failed_runs: integer
//   success_rate_pct: number
//   last_run_at: any
//   last_status: text
//   last_success_at: any
//   last_restore_test_at: any
//   last_size_gb_micros: price
//   monthly_cost_cents: money
//   currency: text
//
// The last status is that of the latest-started run, the last size that of the
// latest-started successful run (size_gb, NUMERIC(12,3), is integer millionths in the
// graph). The success rate is ROUND(x, 2) in integer hundredths rounded half up.
MATCH (bc:BackupConfiguration)-[:DESTINATION_PROVIDER]->(cp:CloudProvider)
CALL (bc) {
  OPTIONAL MATCH (bc)<-[:FOR_BACKUP_CONFIGURATION]-(br:BackupRecord)
  WITH br ORDER BY br.started_at DESC
  RETURN count(br) AS runs,
         count(CASE WHEN br.status = 'success' THEN 1 END) AS successful_runs,
         count(CASE WHEN br.status IN ['failed', 'partial'] THEN 1 END) AS failed_runs,
         max(br.started_at) AS last_run_at,
         head(collect(br.status)) AS last_status,
         max(CASE WHEN br.status = 'success' THEN br.completed_at END) AS last_success_at,
         max(CASE WHEN br.restore_tested THEN br.completed_at END) AS last_restore_test_at,
         head(collect(CASE WHEN br.status = 'success' THEN br.size_gb_micros END))
           AS last_size_gb_micros
}
RETURN bc.code AS backup_code,
       bc.name AS name,
       bc.frequency AS frequency,
       bc.rpo_minutes AS rpo_minutes,
       cp.code AS destination_provider,
       runs,
       successful_runs,
       failed_runs,
       CASE WHEN runs > 0
            THEN ((20000 * successful_runs + runs) / (2 * runs)) / 100.0
       END AS success_rate_pct,
       last_run_at,
       last_status,
       last_success_at,
       last_restore_test_at,
       last_size_gb_micros,
       bc.monthly_cost_cents AS monthly_cost_cents,
       bc.currency AS currency
ORDER BY backup_code
