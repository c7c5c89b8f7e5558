#pragma once

#include <map>
#include <string>
#include <string_view>

namespace Chronoscope {

/// A live store named by a URI, as the user types it:
///
///     postgresql://USER@HOST:PORT/DB?store=messagedb
///     postgresql://USER@HOST:PORT/DB?store=marten&schema=orders
///     postgresql://USER@HOST:PORT/DB?store=table&table=events&position=id&stream=stream_id&…
///     postgresql://USER@HOST:PORT/DB?store=table&mapping=FILE.json
///     nats://HOST:PORT/STREAM[?subject=FILTER]
///
/// Chronoscope's own parameters are taken out of the URI; the others (sslmode, connect_timeout…)
/// go to the client library. A password may be in the URI, in PGPASSWORD or in ~/.pgpass; it is
/// never part of uri(), which is what the log records.
struct SourceSpec
{
    enum class Kind { Postgres, Nats };

    Kind kind = Kind::Postgres;
    /// The source without its password, Chronoscope's parameters in a fixed order.
    std::string uri;
    /// What the client library connects with (password included, Chronoscope's parameters not).
    std::string connection;
    /// Chronoscope's parameters: store, schema, table, mapping, the column names; for NATS the
    /// stream (the URI's path) and subject.
    std::map<std::string, std::string> parameters;

    /// Whether `text` names a live source rather than a file.
    static bool isSourceUri(std::string_view text);
    /// Throws Error (Input) naming what is wrong with the URI.
    static SourceSpec parse(const std::string &text);

    std::string parameter(const std::string &name, const std::string &fallback = {}) const;
};

} // namespace Chronoscope
