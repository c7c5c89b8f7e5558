#pragma once

#include <string>
#include <utility>
#include <vector>

namespace Chronoscope {

class PgConnection;
struct SourceSpec;

/// Where a store keeps the parts of an event in its table: one SQL expression per canonical
/// field, over the table aliased `m`. Checked against the server's catalog when it is made, so a
/// missing table or column is an error before any event is read.
struct PostgresLayout
{
    std::string store;    ///< messagedb, marten or table
    std::string table;    ///< quoted and schema-qualified
    std::string position; ///< the global order column (an indexed integer)
    std::string positionName;
    std::string id; ///< empty: made from the table and the position
    std::string stream;
    std::string version; ///< empty: the log numbers the stream
    std::string type;
    std::string data;        ///< as JSON text
    std::string metadata;    ///< as JSON text; empty: none
    std::string time;        ///< microseconds since the epoch; empty: none
    std::string correlation; ///< empty: none
    std::string cause;       ///< the cause's id; empty: none
    std::string timeColumn;  ///< the raw column, for the slice's time range
    bool timeWithZone = false;
    bool categories = false; ///< a stream without '-' names a Message DB category
    /// Columns with no canonical home, kept under metadata._source: (name, expression as JSON).
    std::vector<std::pair<std::string, std::string>> extra;

    /// Reads the layout the URI names (?store=…) from the server's catalog.
    static PostgresLayout of(const SourceSpec &spec, PgConnection &connection);
    /// The select list, in the order PostgresSource reads it.
    std::string selectList() const;
};

namespace Pg {
std::string quoteIdentifier(const std::string &name);
}

} // namespace Chronoscope
