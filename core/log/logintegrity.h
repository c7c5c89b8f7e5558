#pragma once

#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// Proves that a log is whole, as `verify` reports it: what SQLite's own checks find (pages,
/// indexes, foreign keys), the triggers that keep recorded events immutable present and as
/// created, main dense (seq 1..N with no gap, every stream's versions 1..n), every correction
/// naming a merged branch and real events, and every stored model's source matching its hash.
/// A log changed behind Chronoscope's back (with the sqlite3 shell, say) is reported here.
///
/// Reads only; runs in time linear in the log (one pass over two indexes, SQLite's checks).
class LogIntegrity
{
public:
    /// One line per problem found, in the order above; empty when the log is whole.
    static std::vector<std::string> problems(EventLog &log);
};

} // namespace Chronoscope
