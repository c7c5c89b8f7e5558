#include "source/sourcespec.h"

#include "base/error.h"

#include <QUrl>
#include <QUrlQuery>

#include <set>

namespace Chronoscope {

namespace {

// Chronoscope's own parameters of a PostgreSQL URI; libpq refuses parameters it does not know.
const std::set<std::string> &postgresParameters()
{
    static const std::set<std::string> names = {"store",
                                                "schema",
                                                "table",
                                                "mapping",
                                                "id",
                                                "stream",
                                                "version",
                                                "type",
                                                "data",
                                                "metadata",
                                                "time",
                                                "position",
                                                "correlation",
                                                "causation"};
    return names;
}

const std::set<std::string> &natsParameters()
{
    static const std::set<std::string> names = {"subject"};
    return names;
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

} // namespace

bool SourceSpec::isSourceUri(std::string_view text)
{
    return text.starts_with("postgresql://") || text.starts_with("postgres://")
           || text.starts_with("nats://");
}

SourceSpec SourceSpec::parse(const std::string &text)
{
    const QUrl url(QString::fromStdString(text), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        throw Error::input(
                "\"" + text + "\" is not a source URI"
                + (url.isValid() ? std::string(" (no host)")
                                 : " (" + toStd(url.errorString()) + ")")
                + "; write postgresql://USER@HOST:PORT/DATABASE?store=messagedb|marten|table or "
                  "nats://HOST:PORT/STREAM");
    SourceSpec spec;
    const QString scheme = url.scheme();
    spec.kind = scheme == QLatin1String("nats") ? Kind::Nats : Kind::Postgres;
    const auto &ours = spec.kind == Kind::Nats ? natsParameters() : postgresParameters();

    QUrlQuery passed;   // to the client library
    QUrlQuery recorded; // kept in uri(), ours first in name order, then the library's
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        const std::string key = toStd(name);
        if (ours.count(key)) {
            if (spec.parameters.count(key))
                throw Error::input(text + ": the parameter " + key + " is given twice");
            spec.parameters[key] = toStd(value);
        } else if (spec.kind == Kind::Nats) {
            throw Error::input(text + ": unknown parameter \"" + key
                               + "\" (a NATS source takes subject=FILTER)");
        } else if (key == "password") {
            passed.addQueryItem(name, value);
        } else {
            passed.addQueryItem(name, value);
            recorded.addQueryItem(name, value);
        }
    }
    QUrlQuery ordered;
    for (const auto &[key, value] : spec.parameters)
        ordered.addQueryItem(QString::fromStdString(key), QString::fromStdString(value));
    for (const auto &[name, value] : recorded.queryItems(QUrl::FullyDecoded))
        ordered.addQueryItem(name, value);

    QUrl connection = url;
    connection.setQuery(passed);
    QUrl shown = url;
    shown.setPassword(QString());
    shown.setQuery(ordered);
    if (spec.kind == Kind::Postgres)
        shown.setScheme(QStringLiteral("postgresql"));

    if (spec.kind == Kind::Nats) {
        const QString path = url.path().mid(1);
        if (path.isEmpty() || path.contains(QLatin1Char('/')))
            throw Error::input(text
                               + ": name the JetStream stream as the URI's path: "
                                 "nats://HOST:PORT/STREAM");
        spec.parameters["stream"] = toStd(path);
        connection.setPath(QString());
    } else {
        const std::string store = spec.parameter("store");
        if (store.empty())
            throw Error::input(text
                               + ": say which store the database holds: ?store=messagedb, "
                                 "?store=marten or ?store=table&table=NAME&…");
        if (store != "messagedb" && store != "marten" && store != "table")
            throw Error::input(text + ": store is messagedb, marten or table, not \"" + store
                               + "\"");
    }
    spec.uri = toStd(shown.toString(QUrl::FullyEncoded));
    spec.connection = toStd(connection.toString(QUrl::FullyEncoded));
    return spec;
}

std::string SourceSpec::parameter(const std::string &name, const std::string &fallback) const
{
    const auto it = parameters.find(name);
    return it == parameters.end() ? fallback : it->second;
}

} // namespace Chronoscope
