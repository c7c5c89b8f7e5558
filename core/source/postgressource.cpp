#include "source/postgressource.h"

#include "base/error.h"
#include "io/mappedevent.h"
#include "source/pgconnection.h"
#include "source/sourcespec.h"

#include <simdjson.h>

namespace Chronoscope {

namespace {

// A hole this far below the newest event is not counted row by row: head() waits for the open
// transactions instead, which answers for any size at once.
constexpr int64_t kCountedRange = 100000;
// How long after a hole is seen the open transactions are sampled: a writer takes its position
// a moment before its transaction id.
constexpr auto kSampleDelay = std::chrono::milliseconds(20);

bool hasWildcard(const std::string &glob)
{
    return glob.find_first_of("*?[") != std::string::npos;
}

std::string likeEscaped(const std::string &text)
{
    std::string out;
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

// SQLite's GLOB as a LIKE pattern (no brackets) or an anchored POSIX regular expression.
std::pair<std::string, std::string> globToSql(const std::string &glob)
{
    if (glob.find('[') == std::string::npos) {
        std::string like;
        for (const char c : glob) {
            if (c == '*')
                like += '%';
            else if (c == '?')
                like += '_';
            else
                like += likeEscaped(std::string(1, c));
        }
        return {"LIKE", like};
    }
    std::string regex = "^";
    for (size_t i = 0; i < glob.size(); ++i) {
        const char c = glob[i];
        if (c == '*') {
            regex += ".*";
        } else if (c == '?') {
            regex += '.';
        } else if (c == '[') {
            const size_t close = glob.find(']', i + 2);
            if (close == std::string::npos) {
                regex += "\\[";
                continue;
            }
            regex += glob.substr(i, close - i + 1);
            i = close;
        } else {
            if (std::string_view("\\.^$|()+{}").find(c) != std::string_view::npos)
                regex += '\\';
            regex += c;
        }
    }
    return {"~", regex + "$"};
}

} // namespace

PostgresSource::PostgresSource(const SourceSpec &spec,
                               const SourceSlice &slice,
                               const SourceOptions &options)
    : m_uri(spec.uri)
    , m_slice(slice)
    , m_options(options)
    , m_connection(std::make_unique<PgConnection>(spec.connection, spec.uri))
    , m_layout(PostgresLayout::of(spec, *m_connection))
    , m_parser(std::make_unique<simdjson::dom::parser>())
{
    buildQuery();
}

PostgresSource::~PostgresSource() = default;

void PostgresSource::buildQuery()
{
    std::string where;
    const auto parameter = [this](std::string value) {
        m_filterParameters.push_back(std::move(value));
        return "$" + std::to_string(m_filterParameters.size() + 3);
    };
    const auto match = [&](const std::string &expression, const std::string &glob) {
        if (!hasWildcard(glob))
            return expression + " = " + parameter(glob);
        const auto [op, pattern] = globToSql(glob);
        return expression + " " + op + " " + parameter(pattern)
               + (op == "LIKE" ? " ESCAPE '\\'" : "");
    };
    if (m_slice.stream) {
        const std::string &glob = *m_slice.stream;
        if (m_layout.categories && !hasWildcard(glob) && glob.find('-') == std::string::npos) {
            // A Message DB category: the streams whose name is it, or starts with it and '-'.
            const std::string exact = parameter(glob);
            where += " AND (" + m_layout.stream + " = " + exact + " OR " + m_layout.stream
                     + " LIKE " + parameter(likeEscaped(glob) + "-%") + " ESCAPE '\\')";
        } else {
            where += " AND " + match(m_layout.stream, glob);
        }
    }
    if (m_slice.type)
        where += " AND " + match(m_layout.type, *m_slice.type);
    if (m_slice.correlation) {
        if (m_layout.correlation.empty())
            throw Error::input(m_uri
                               + ": this store has no correlation column; name one with "
                                 "correlation=COLUMN to slice by it");
        where += " AND " + m_layout.correlation + " = " + parameter(*m_slice.correlation);
    }
    const std::string epoch = m_layout.timeWithZone ? "'epoch'::timestamptz" : "'epoch'::timestamp";
    const auto at = [&](int64_t micros) {
        return "(" + epoch + " + " + parameter(std::to_string(micros))
               + "::bigint * interval '1 microsecond')";
    };
    if ((m_slice.since || m_slice.until) && m_layout.timeColumn.empty())
        throw Error::input(m_uri
                           + ": this table has no time column; name one with time=COLUMN "
                             "to slice by time");
    if (m_slice.since)
        where += " AND " + m_layout.timeColumn + " >= " + at(*m_slice.since);
    if (m_slice.until)
        where += " AND " + m_layout.timeColumn + " < " + at(*m_slice.until);

    m_query = "SELECT " + m_layout.selectList() + " FROM " + m_layout.table + " AS m WHERE "
              + m_layout.position + " > $1 AND " + m_layout.position + " <= $2" + where
              + " ORDER BY " + m_layout.position + " LIMIT $3";
    m_countQuery = "SELECT count(*) FROM (SELECT 1 FROM " + m_layout.table + " AS m WHERE "
                   + m_layout.position + " > $1 AND " + m_layout.position + " <= $2" + where
                   + " LIMIT $3) AS slice";
}

int64_t PostgresSource::count(int64_t after, int64_t through)
{
    std::vector<std::optional<std::string>> parameters
            = {std::to_string(after), std::to_string(through), std::to_string(through - after)};
    parameters.insert(parameters.end(), m_filterParameters.begin(), m_filterParameters.end());
    return m_connection->query(m_countQuery, parameters).integer(0, 0);
}

int64_t PostgresSource::head(std::vector<std::string> &warnings)
{
    const PgResult look = m_connection->query(
            "SELECT (SELECT max(" + m_layout.position + ") FROM " + m_layout.table
            + " AS m), txid_snapshot_xmin(txid_current_snapshot()), "
              "txid_snapshot_xmax(txid_current_snapshot())");
    const int64_t top = look.optionalInteger(0, 0).value_or(0);
    const int64_t xmin = look.integer(0, 1);
    const int64_t xmax = look.integer(0, 2);
    const Clock::time_point now = Clock::now();

    if (!m_pending && top > m_settled) {
        bool dense = false;
        if (top - m_settled <= kCountedRange) {
            const PgResult count = m_connection->query(
                    "SELECT count(*) FROM " + m_layout.table + " AS m WHERE " + m_layout.position
                            + " > $1 AND " + m_layout.position + " <= $2",
                    {std::to_string(m_settled), std::to_string(top)});
            dense = count.integer(0, 0) == top - m_settled;
        }
        if (dense)
            m_settled = top;
        else
            m_pending = Pending{top, now, std::nullopt};
        return m_settled;
    }
    if (!m_pending)
        return m_settled;

    if (!m_pending->xmax && now - m_pending->seen >= kSampleDelay)
        m_pending->xmax = xmax;
    else if (m_pending->xmax && xmin >= *m_pending->xmax) {
        // Every transaction open when the hole was seen has ended: what is not there now never
        // will be.
        m_settled = m_pending->top;
        m_pending.reset();
    } else if (now - m_pending->seen >= std::chrono::milliseconds(m_options.gapWaitMs)) {
        warnings.push_back("read past " + missingPositions(m_settled, m_pending->top) + " after "
                           + std::to_string(m_options.gapWaitMs)
                           + " ms: a transaction that began before them is still open, so an "
                             "event may still be committed there and would not be read");
        m_settled = m_pending->top;
        m_pending.reset();
    }
    return m_settled;
}

std::string PostgresSource::missingPositions(int64_t after, int64_t through)
{
    const PgResult rows = m_connection->query(
            "SELECT g FROM generate_series($1::bigint + 1, $2::bigint) AS g WHERE NOT EXISTS "
            "(SELECT 1 FROM "
                    + m_layout.table + " AS m WHERE " + m_layout.position
                    + " = g) ORDER BY g LIMIT 6",
            {std::to_string(after), std::to_string(through)});
    std::string list;
    for (int r = 0; r < std::min(rows.rows(), 5); ++r)
        list += (list.empty() ? "" : ", ") + std::string(rows.text(r, 0));
    if (rows.rows() > 5)
        list += "…";
    return m_layout.positionName + (rows.rows() == 1 ? " " : "s ") + list;
}

SourceRead PostgresSource::read(int64_t after, int64_t through, size_t max)
{
    std::vector<std::optional<std::string>> parameters
            = {std::to_string(after), std::to_string(through), std::to_string(max)};
    parameters.insert(parameters.end(), m_filterParameters.begin(), m_filterParameters.end());
    const PgResult rows = m_connection->query(m_query, parameters);
    SourceRead read;
    read.events.reserve(static_cast<size_t>(rows.rows()));
    for (int r = 0; r < rows.rows(); ++r)
        read.events.push_back(map(rows, r));
    read.through = read.events.size() == max ? read.events.back().position : through;
    return read;
}

std::string
PostgresSource::json(std::string_view text, const char *column, int64_t position, bool object)
{
    simdjson::dom::element value;
    if (const auto error = m_parser->parse(text.data(), text.size()).get(value)) {
        throw Error::input(m_uri + ": the " + column + " of the event at " + m_layout.positionName
                           + " " + std::to_string(position)
                           + " is not JSON the log can hold: " + simdjson::error_message(error));
    }
    if (object && !value.is_object())
        return {};
    return Mapping::text(value);
}

SourceEvent PostgresSource::map(const PgResult &rows, int r)
{
    SourceEvent out;
    out.position = rows.integer(r, 0);
    MappedEvent &m = out.mapped;
    Event &e = m.event;
    const auto required = [&](int column, const char *role) {
        if (rows.isNull(r, column))
            throw Error::input(m_uri + ": the event at " + m_layout.positionName + " "
                               + std::to_string(out.position) + " has no " + role + " (NULL)");
        return std::string(rows.text(r, column));
    };
    if (rows.isNull(r, 1))
        e.id = m_layout.store + ":" + std::to_string(out.position);
    else
        e.id = rows.text(r, 1);
    e.stream = required(2, "stream");
    m.declaredStreamVersion = rows.optionalInteger(r, 3);
    e.type = required(4, "type");
    if (!rows.isNull(r, 5))
        e.data = json(rows.text(r, 5), "data", out.position, false);
    if (!rows.isNull(r, 6)) {
        std::string metadata = json(rows.text(r, 6), "metadata", out.position, true);
        if (metadata.empty()) // not an object: kept whole under _source
            m.sourceFields["metadata"] = nlohmann::ordered_json::parse(rows.text(r, 6));
        else
            e.metadata = std::move(metadata);
    }
    if (const auto time = rows.optionalInteger(r, 7))
        e.recordedAt = *time;
    else
        m.timeMissing = true;
    e.correlationId = rows.optionalText(r, 8);
    out.causeId = rows.optionalText(r, 9);
    m.sourceFields[m_layout.positionName] = out.position;
    for (size_t i = 0; i < m_layout.extra.size(); ++i) {
        const int column = 10 + static_cast<int>(i);
        if (!rows.isNull(r, column))
            m.sourceFields[m_layout.extra[i].first]
                    = nlohmann::ordered_json::parse(rows.text(r, column));
    }
    return out;
}

} // namespace Chronoscope
