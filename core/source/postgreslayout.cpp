#include "source/postgreslayout.h"

#include "base/error.h"
#include "source/pgconnection.h"
#include "source/sourcespec.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

namespace Chronoscope {

namespace Pg {

std::string quoteIdentifier(const std::string &name)
{
    std::string quoted = "\"";
    for (const char c : name) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

} // namespace Pg

namespace {

using Columns = std::map<std::string, std::string>; // name → data_type

Columns columnsOf(PgConnection &connection, const std::string &schema, const std::string &table)
{
    const PgResult rows
            = connection.query("SELECT column_name, data_type FROM information_schema.columns "
                               "WHERE table_schema = $1 AND table_name = $2",
                               {schema, table});
    Columns columns;
    for (int r = 0; r < rows.rows(); ++r)
        columns.emplace(std::string(rows.text(r, 0)), std::string(rows.text(r, 1)));
    if (columns.empty())
        throw Error::input(connection.name() + ": there is no table " + schema + "." + table
                           + " (or this role may not read it)");
    return columns;
}

bool isInteger(const std::string &type)
{
    return type == "bigint" || type == "integer" || type == "smallint";
}

bool isJsonLike(const std::string &type)
{
    return type == "jsonb" || type == "json" || type == "text" || type == "character varying";
}

bool isTime(const std::string &type)
{
    return type == "timestamp with time zone" || type == "timestamp without time zone";
}

class Checker
{
public:
    Checker(PgConnection &connection, std::string schema, std::string table)
        : m_name(connection.name())
        , m_table(schema + "." + table)
        , m_columns(columnsOf(connection, schema, table))
    {}

    bool has(const std::string &column) const { return m_columns.count(column) > 0; }

    /// The quoted column; refuses a missing one or one whose type `accepts` refuses.
    std::string require(const std::string &role,
                        const std::string &column,
                        bool (*accepts)(const std::string &) = nullptr,
                        const char *expected = nullptr) const
    {
        const auto it = m_columns.find(column);
        if (it == m_columns.end())
            throw Error::input(m_name + ": the table " + m_table + " has no column \"" + column
                               + "\" (for the event's " + role + ")");
        if (accepts && !accepts(it->second))
            throw Error::input(m_name + ": the column " + m_table + "." + column + " is "
                               + it->second + "; the event's " + role + " needs " + expected);
        return "m." + Pg::quoteIdentifier(column);
    }

    const std::string &type(const std::string &column) const { return m_columns.at(column); }

private:
    std::string m_name;
    std::string m_table;
    Columns m_columns;
};

std::string micros(const std::string &column)
{
    return "(extract(epoch FROM " + column + ") * 1000000)::bigint";
}

std::string asText(const std::string &column)
{
    return column + "::text";
}

PostgresLayout messageDb(PgConnection &connection, const std::string &schema)
{
    const Checker table(connection, schema, "messages");
    PostgresLayout l;
    l.table = Pg::quoteIdentifier(schema) + ".messages";
    l.position = table.require("global order", "global_position", isInteger, "an integer");
    l.positionName = "global_position";
    l.id = asText(table.require("id", "id"));
    l.stream = table.require("stream", "stream_name");
    l.version = table.require("stream version", "position", isInteger, "an integer") + " + 1";
    l.type = table.require("type", "type");
    l.data = asText(table.require("data", "data"));
    l.metadata = asText(table.require("metadata", "metadata"));
    l.timeColumn = table.require("time", "time", isTime, "a timestamp");
    l.timeWithZone = table.type("time") == "timestamp with time zone";
    l.time = micros(l.timeColumn);
    l.correlation = "m.metadata ->> 'correlationStreamName'";
    l.cause = "(SELECT c.id::text FROM " + l.table
              + " c WHERE c.global_position = CASE WHEN jsonb_typeof(m.metadata -> "
                "'causationMessageGlobalPosition') = 'number' THEN (m.metadata ->> "
                "'causationMessageGlobalPosition')::numeric::bigint END)";
    l.categories = true;
    return l;
}

PostgresLayout marten(PgConnection &connection, const std::string &schema)
{
    const Checker table(connection, schema, "mt_events");
    PostgresLayout l;
    l.table = Pg::quoteIdentifier(schema) + ".mt_events";
    l.position = table.require("global order", "seq_id", isInteger, "an integer");
    l.positionName = "seq_id";
    l.id = asText(table.require("id", "id"));
    l.stream = asText(table.require("stream", "stream_id"));
    l.version = table.require("stream version", "version", isInteger, "an integer");
    l.type = table.require("type", "type");
    l.data = asText(table.require("data", "data"));
    l.timeColumn = table.require("time", "timestamp", isTime, "a timestamp");
    l.timeWithZone = table.type("timestamp") == "timestamp with time zone";
    l.time = micros(l.timeColumn);
    if (table.has("headers"))
        l.metadata = asText(table.require("metadata", "headers"));
    if (table.has("correlation_id"))
        l.correlation = asText(table.require("correlation", "correlation_id"));
    if (table.has("causation_id"))
        l.cause = asText(table.require("causation", "causation_id"));
    for (const char *column : {"tenant_id", "mt_dotnet_type", "is_archived"})
        if (table.has(column))
            l.extra.emplace_back(column, "to_jsonb(m." + Pg::quoteIdentifier(column) + ")::text");
    return l;
}

// The mapping of any events table: from a JSON file ({"table": …, "schema": …, "columns":
// {"id": …}}) or from the URI's parameters, the file's members first.
PostgresLayout anyTable(const SourceSpec &spec, PgConnection &connection)
{
    std::map<std::string, std::string> names = spec.parameters;
    if (const std::string file = spec.parameter("mapping"); !file.empty()) {
        std::ifstream in(file);
        if (!in)
            throw Error::input(file + ": cannot read the table mapping");
        nlohmann::json mapping;
        try {
            mapping = nlohmann::json::parse(in);
            if (mapping.contains("table"))
                names["table"] = mapping.at("table").get<std::string>();
            if (mapping.contains("schema"))
                names["schema"] = mapping.at("schema").get<std::string>();
            if (mapping.contains("columns"))
                for (const auto &[role, column] : mapping.at("columns").items())
                    names[role] = column.get<std::string>();
        } catch (const nlohmann::json::exception &e) {
            throw Error::input(file
                               + ": not a table mapping ({\"table\": NAME, \"columns\": "
                                 "{\"position\": …, \"stream\": …}}): "
                               + e.what());
        }
    }
    const auto name = [&](const std::string &role) {
        const auto it = names.find(role);
        return it == names.end() ? std::string() : it->second;
    };
    std::string tableName = name("table");
    std::string schema = name("schema");
    if (const size_t dot = tableName.find('.'); dot != std::string::npos && schema.empty()) {
        schema = tableName.substr(0, dot);
        tableName = tableName.substr(dot + 1);
    }
    if (schema.empty())
        schema = "public";
    for (const char *role : {"table", "position", "stream", "type", "data"})
        if (name(role).empty())
            throw Error::input(connection.name() + ": store=table needs " + role
                               + "=NAME (the table and its position, stream, type and data "
                                 "columns; id, version, metadata, time, correlation and "
                                 "causation are optional)");

    const Checker table(connection, schema, tableName);
    PostgresLayout l;
    l.table = Pg::quoteIdentifier(schema) + "." + Pg::quoteIdentifier(tableName);
    l.positionName = name("position");
    l.position = table.require("global order", l.positionName, isInteger, "an integer");
    if (!name("id").empty())
        l.id = asText(table.require("id", name("id")));
    l.stream = asText(table.require("stream", name("stream")));
    if (!name("version").empty())
        l.version = table.require("stream version", name("version"), isInteger, "an integer");
    l.type = asText(table.require("type", name("type")));
    l.data = asText(table.require("data", name("data"), isJsonLike, "json, jsonb or text"));
    if (!name("metadata").empty())
        l.metadata = asText(
                table.require("metadata", name("metadata"), isJsonLike, "json, jsonb or text"));
    if (!name("time").empty()) {
        l.timeColumn = table.require("time", name("time"), isTime, "a timestamp");
        l.timeWithZone = table.type(name("time")) == "timestamp with time zone";
        l.time = micros(l.timeColumn);
    }
    if (!name("correlation").empty())
        l.correlation = asText(table.require("correlation", name("correlation")));
    if (!name("causation").empty())
        l.cause = asText(table.require("causation", name("causation")));
    return l;
}

std::string orNull(const std::string &expression)
{
    return expression.empty() ? "NULL" : expression;
}

} // namespace

PostgresLayout PostgresLayout::of(const SourceSpec &spec, PgConnection &connection)
{
    const std::string store = spec.parameter("store");
    PostgresLayout layout;
    if (store == "messagedb")
        layout = messageDb(connection, spec.parameter("schema", "message_store"));
    else if (store == "marten")
        layout = marten(connection, spec.parameter("schema", "public"));
    else
        layout = anyTable(spec, connection);
    layout.store = store;
    return layout;
}

std::string PostgresLayout::selectList() const
{
    std::string list = position + ", " + orNull(id) + ", " + stream + ", " + orNull(version) + ", "
                       + type + ", " + data + ", " + orNull(metadata) + ", " + orNull(time) + ", "
                       + orNull(correlation) + ", " + orNull(cause);
    for (const auto &[name, expression] : extra)
        list += ", " + expression;
    return list;
}

} // namespace Chronoscope
