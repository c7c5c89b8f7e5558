#pragma once

#include "base/event.h"
#include "log/sqlite.h"

namespace Chronoscope {

// How an event row is read and written, for the log layer (and the benchmarks' raw-SQLite
// baselines, which must write the same rows).

/// Reads an event row selected with EventLog's column list into `event`.
void readEventRow(const Sql::Statement &st, Event &event);
/// The column list readEventRow() expects, for "SELECT <columns> FROM events e LEFT JOIN results r
/// …".
extern const char *const kEventColumns;

/// The INSERT statements of an event row and of its result, and their bindings: the writer's
/// and the benchmark baseline's, so that both measure the same rows.
extern const char *const kInsertEventSql;
extern const char *const kInsertResultSql;
void bindEventRow(Sql::Statement &insert, const Event &event, int64_t seq, int64_t streamVersion);
void bindResultRow(Sql::Statement &insert, const Event &event, int64_t seq);

} // namespace Chronoscope
