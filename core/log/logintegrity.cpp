#include "log/logintegrity.h"

#include "base/contenthash.h"
#include "log/sqlite.h"

#include "base/contenthash.h"
#include "log/eventlog.h"
#include "log/schema.h"

namespace Chronoscope {

namespace {

// The first column of every row a query returns, as text.
std::vector<std::string> column(Sql::Database &db, const char *sql)
{
    std::vector<std::string> rows;
    Sql::Statement st(db, sql);
    while (st.step())
        rows.emplace_back(st.columnText(0));
    return rows;
}

void checkSqlite(Sql::Database &db, std::vector<std::string> &problems)
{
    for (const std::string &row : column(db, "PRAGMA quick_check"))
        if (row != "ok")
            problems.push_back("SQLite: " + row);
    Sql::Statement keys(db, "PRAGMA foreign_key_check");
    while (keys.step())
        problems.push_back("a row of " + std::string(keys.columnText(0)) + " (rowid "
                           + std::to_string(keys.columnInt(1)) + ") names a missing row of "
                           + std::string(keys.columnText(2)));
}

void checkDense(Sql::Database &db, std::vector<std::string> &problems)
{
    Sql::Statement counts(db,
                          "SELECT count(*), coalesce(min(seq), 1), coalesce(max(seq), 0) "
                          "FROM events");
    counts.step();
    const int64_t count = counts.columnInt(0);
    const int64_t first = counts.columnInt(1);
    const int64_t last = counts.columnInt(2);
    if (count != last || (count > 0 && first != 1)) {
        std::string missing;
        if (first != 1) {
            missing = "1";
        } else {
            Sql::Statement gap(db,
                               "SELECT e.seq + 1 FROM events e WHERE e.seq < ?1 AND NOT EXISTS "
                               "(SELECT 1 FROM events n WHERE n.seq = e.seq + 1) LIMIT 1");
            gap.bind(1, last);
            missing = gap.step() ? std::to_string(gap.columnInt(0)) : std::string("?");
        }
        problems.push_back("main is not dense: " + std::to_string(count) + " events, the last is "
                           + std::to_string(last) + "; event " + missing + " is missing");
    }
    Sql::Statement streams(db,
                           "SELECT stream, count(*), min(stream_version), max(stream_version) "
                           "FROM events GROUP BY stream HAVING count(*) != max(stream_version) "
                           "OR min(stream_version) != 1 LIMIT 10");
    while (streams.step())
        problems.push_back("stream " + std::string(streams.columnText(0))
                           + " is not dense: " + std::to_string(streams.columnInt(1))
                           + " events with versions " + std::to_string(streams.columnInt(2)) + ".."
                           + std::to_string(streams.columnInt(3)));
}

void checkCorrections(Sql::Database &db, std::vector<std::string> &problems)
{
    Sql::Statement st(db,
                      "SELECT c.id, c.branch, b.name IS NULL, b.merged_at IS NULL, "
                      "t.seq IS NULL, c.appended_seq IS NOT NULL AND a.seq IS NULL "
                      "FROM corrections c LEFT JOIN branches b ON b.name = c.branch "
                      "LEFT JOIN events t ON t.seq = c.target_seq "
                      "LEFT JOIN events a ON a.seq = c.appended_seq ORDER BY c.id");
    while (st.step()) {
        const std::string what = "correction " + std::to_string(st.columnInt(0)) + " (branch \""
                                 + std::string(st.columnText(1)) + "\") ";
        if (st.columnInt(2))
            problems.push_back(what + "names a branch that does not exist");
        else if (st.columnInt(3))
            problems.push_back(what + "names a branch that was never merged");
        if (st.columnInt(4))
            problems.push_back(what + "corrects an event that is not in the log");
        if (st.columnInt(5))
            problems.push_back(what + "names an appended event that is not in the log");
    }
}

void checkModels(Sql::Database &db, std::vector<std::string> &problems)
{
    Sql::Statement models(db, "SELECT id, name, hash, source FROM models ORDER BY id");
    while (models.step())
        if (contentHash(std::string(models.columnText(3))) != models.columnText(2))
            problems.push_back("stored model " + std::to_string(models.columnInt(0)) + " ("
                               + std::string(models.columnText(1))
                               + "): its source does not match its hash");
    Sql::Statement branches(db,
                            "SELECT name, model_hash, model_source FROM branches "
                            "WHERE model_source IS NOT NULL ORDER BY name");
    while (branches.step())
        if (contentHash(std::string(branches.columnText(2))) != branches.columnText(1))
            problems.push_back("the model of branch \"" + std::string(branches.columnText(0))
                               + "\": its source does not match its hash");
}

} // namespace

std::vector<std::string> LogIntegrity::problems(EventLog &log)
{
    Sql::Database &db = Sql::databaseOf(log);
    std::vector<std::string> problems;
    checkSqlite(db, problems);
    for (const std::string &problem : Schema::triggerProblems(db))
        problems.push_back(problem + ": recorded events are not protected");
    checkDense(db, problems);
    checkCorrections(db, problems);
    checkModels(db, problems);
    return problems;
}

} // namespace Chronoscope
