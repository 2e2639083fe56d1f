// question: >-
//   In which currencies are the milestone cost lines (team allocations, infrastructure,
//   other costs) recorded, and how many lines each? The report labels its milestone cost
//   axis with this currency.
// parameters: {}
// columns:
//   currency: text
//   lines: integer
MATCH (:Milestone)<-[:FOR_MILESTONE]-(line)
WHERE line:MilestoneTeamAllocation OR line:MilestoneInfrastructureCost OR line:MilestoneCost
RETURN line.currency AS currency, count(*) AS lines
ORDER BY lines DESC, currency
