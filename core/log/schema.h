#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace Chronoscope::Sql {
class Database;
}

namespace Chronoscope::Schema {

/// PRAGMA application_id of every Chronoscope log ("CHRN").
constexpr int32_t kApplicationId = 0x4348524E;

/// The seqs of the events a merge appended to main (corrections and insertions), as an SQL
/// subquery: `seq NOT IN ` this leaves them out where their own seq and processed_at mean
/// nothing (they are replayed in the place of what they correct, and no service processed
/// them).
#define CHRONOSCOPE_APPENDED_BY_MERGES                                                             \
    "(SELECT appended_seq FROM corrections WHERE appended_seq IS NOT NULL)"

/// The schema version this build writes (PRAGMA user_version).
int latestVersion();

/// Runs the numbered migrations from the file's version up to latestVersion(), all in one
/// transaction. The caller has checked that the file is a Chronoscope log not newer than us.
void migrate(Sql::Database &db, int fromVersion);

/// The triggers the migrations create, by name, with their SQL as SQLite keeps it in
/// sqlite_master: what protects the recorded events from being changed or deleted.
const std::map<std::string, std::string> &triggers();
/// What is wrong with the file's triggers: one line per trigger that is missing or not as
/// created; empty when they are all there.
std::vector<std::string> triggerProblems(Sql::Database &db);

/// The indexes that only readers need (time ranges, causation). A bulk write into an empty log
/// drops them first and builds them again at the end, in its own transaction: building an index
/// over sorted data once is several times cheaper than keeping it up to date row by row.
void dropSecondaryIndexes(Sql::Database &db);
void createSecondaryIndexes(Sql::Database &db);

} // namespace Chronoscope::Schema
