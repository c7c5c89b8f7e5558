#include "log/snapshotstore.h"

#include "log/sqlite.h"

#include "base/error.h"
#include "log/eventlog.h"

#include "base/jsontext.h"

#include <QByteArray>

#include <simdjson.h>

namespace Chronoscope {

namespace {

std::string compress(const std::string &text)
{
    const QByteArray packed = qCompress(
            QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size())), 6);
    return std::string(packed.constData(), static_cast<size_t>(packed.size()));
}

std::string decompress(std::string_view blob)
{
    const QByteArray text = qUncompress(
            QByteArray::fromRawData(blob.data(), static_cast<qsizetype>(blob.size())));
    return text.toStdString();
}

// Calls `store` with each member of a link's object, its value as minified JSON text.
template<typename Store>
void forEachMember(const std::string &object,
                   int64_t seq,
                   simdjson::dom::parser &parser,
                   Store store)
{
    simdjson::dom::object members;
    if (parser.parse(object).get(members) != simdjson::SUCCESS)
        throw Error::failed("the state stored after event " + std::to_string(seq)
                            + " is damaged; run chronoscope-cli verify");
    for (auto member : members)
        store(std::string(member.key), simdjson::minify(member.value));
}

} // namespace

SnapshotStore::SnapshotStore(EventLog &log, std::string modelHash)
    : m_log(log)
    , m_modelHash(std::move(modelHash))
{}

int64_t SnapshotStore::lastSeq()
{
    Sql::Statement st(Sql::databaseOf(m_log),
                      "SELECT coalesce(max(seq), 0) FROM snapshots WHERE model_hash = ?");
    st.bind(1, std::string_view(m_modelHash));
    return st.step() ? st.columnInt(0) : 0;
}

std::vector<SnapshotStore::Link> SnapshotStore::read(int64_t afterSeq, int64_t upToSeq)
{
    Sql::Statement st(Sql::databaseOf(m_log),
                      "SELECT seq, streams, projections FROM snapshots WHERE model_hash = ? "
                      "AND seq > ? AND seq <= ? ORDER BY seq");
    st.bind(1, std::string_view(m_modelHash));
    st.bind(2, afterSeq);
    st.bind(3, upToSeq);
    std::vector<Link> links;
    while (st.step()) {
        Link &link = links.emplace_back();
        link.seq = st.columnInt(0);
        link.streams = decompress(st.columnText(1));
        link.projections = decompress(st.columnText(2));
    }
    return links;
}

void SnapshotStore::write(const std::vector<Link> &links)
{
    if (links.empty())
        return;
    Sql::Transaction tx(Sql::databaseOf(m_log));
    Sql::Statement st(Sql::databaseOf(m_log),
                      "INSERT OR IGNORE INTO snapshots (model_hash, seq, streams, projections) "
                      "VALUES (?, ?, ?, ?)");
    for (const Link &link : links) {
        st.bind(1, std::string_view(m_modelHash));
        st.bind(2, link.seq);
        const std::string streams = compress(link.streams);
        const std::string projections = compress(link.projections);
        st.bindBlob(3, streams);
        st.bindBlob(4, projections);
        st.run();
    }
    tx.commit();
}

int64_t SnapshotStore::storedBytes()
{
    Sql::Statement st(Sql::databaseOf(m_log),
                      "SELECT coalesce(sum(length(streams) + length(projections)), 0) FROM "
                      "snapshots WHERE model_hash = ?");
    st.bind(1, std::string_view(m_modelHash));
    return st.step() ? st.columnInt(0) : 0;
}

void SnapshotStore::appendMember(std::string &object,
                                 const std::string &name,
                                 const std::string &json)
{
    object.pop_back(); // the closing brace
    if (object.size() > 1)
        object.push_back(',');
    JsonText::appendString(object, name);
    object.push_back(':');
    object += json;
    object.push_back('}');
}

void SnapshotStore::visit(const Link &link, const Visitor &visit)
{
    simdjson::dom::parser parser;
    forEachMember(link.streams, link.seq, parser, [&visit](std::string name, std::string value) {
        visit(Part::Stream, std::move(name), std::move(value));
    });
    forEachMember(
            link.projections, link.seq, parser, [&visit](std::string name, std::string value) {
                visit(Part::Projection, std::move(name), std::move(value));
            });
}

std::vector<SnapshotStore::Summary> SnapshotStore::summaries(EventLog &log)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT model_hash, count(*), min(seq), max(seq), "
                      "sum(length(streams) + length(projections)) FROM snapshots "
                      "GROUP BY model_hash ORDER BY max(seq) DESC, model_hash");
    std::vector<Summary> list;
    while (st.step())
        list.push_back({std::string(st.columnText(0)),
                        st.columnInt(1),
                        st.columnInt(2),
                        st.columnInt(3),
                        st.columnInt(4)});
    return list;
}

void SnapshotStore::removeAll(EventLog &log)
{
    Sql::databaseOf(log).exec("DELETE FROM snapshots");
}

void SnapshotStore::removeOtherModels(EventLog &log, const std::string &keepHash)
{
    Sql::Statement st(Sql::databaseOf(log), "DELETE FROM snapshots WHERE model_hash <> ?");
    st.bind(1, std::string_view(keepHash));
    st.run();
}

} // namespace Chronoscope
