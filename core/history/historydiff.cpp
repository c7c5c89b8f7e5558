#include "history/historydiff.h"

#include "base/jsonpointer.h"
#include "base/timestamp.h"
#include "log/history.h"
#include "replay/state.h"

#include <QCryptographicHash>

#include <map>
#include <unordered_map>

namespace Chronoscope {

namespace {

void diffSection(const std::string &section,
                 const State::Members &a,
                 const State::Members &b,
                 nlohmann::json &operations)
{
    for (const auto &[name, textA] : a) {
        const std::string path = "/" + section + "/" + JsonPointer::escape(name);
        const JsonString textB = State::find(b, name);
        if (!textB) {
            operations.push_back({{"op", "remove"}, {"path", path}});
            continue;
        }
        if (textB == textA || *textB == *textA)
            continue; // shared, or equal text
        const nlohmann::json patch = nlohmann::json::diff(nlohmann::json::parse(*textA),
                                                          nlohmann::json::parse(*textB));
        for (nlohmann::json op : patch) {
            op["path"] = path + op.value("path", "");
            operations.push_back(std::move(op));
        }
    }
    for (const auto &[name, textB] : b)
        if (!State::find(a, name))
            operations.push_back({{"op", "add"},
                                  {"path", "/" + section + "/" + JsonPointer::escape(name)},
                                  {"value", nlohmann::json::parse(*textB)}});
}

// What makes two events the same event, apart from where they are.
QByteArray contentHash(const Event &e)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const std::string *part : {&e.type, &e.stream, &e.data, &e.metadata}) {
        hash.addData(QByteArrayView(part->data(), static_cast<qsizetype>(part->size())));
        hash.addData(QByteArrayView("\0", 1));
    }
    const std::string extra = e.source.value_or("") + "\n" + Timestamp::format(e.recordedAt) + "\n"
                              + std::to_string(e.schemaVersion);
    hash.addData(QByteArrayView(extra.data(), static_cast<qsizetype>(extra.size())));
    return hash.result();
}

} // namespace

nlohmann::json HistoryDiff::states(const State &a, const State &b)
{
    nlohmann::json operations = nlohmann::json::array();
    using Section = State::Section;
    diffSection("streams",
                a.sortedMembers(Section::Streams),
                b.sortedMembers(Section::Streams),
                operations);
    diffSection("projections",
                a.sortedMembers(Section::Projections),
                b.sortedMembers(Section::Projections),
                operations);
    return operations;
}

HistoryDiff::Events HistoryDiff::events(History &a, int64_t upToA, History &b, int64_t upToB)
{
    Events result;
    result.lengthA = upToA;
    result.lengthB = upToB;
    struct Seen
    {
        int64_t position;
        QByteArray hash;
        std::string type;
    };
    std::unordered_map<std::string, Seen> inA;
    inA.reserve(static_cast<size_t>(upToA));
    a.forEach(1, upToA, EventFilter::Columns::All, [&](const Event &e) {
        inA.emplace(e.id, Seen{e.seq, contentHash(e), e.type});
        return true;
    });
    std::unordered_map<std::string, bool> matchedInA;
    // B's unmatched events by position, to pair them with A's at the same place.
    std::map<int64_t, EventRef> unmatchedB;
    b.forEach(1, upToB, EventFilter::Columns::All, [&](const Event &e) {
        const auto it = inA.find(e.id);
        if (it == inA.end()) {
            unmatchedB.emplace(e.seq, EventRef{0, e.seq, e.id, e.type});
            return true;
        }
        matchedInA[e.id] = true;
        if (it->second.hash != contentHash(e))
            result.changed.push_back({it->second.position, e.seq, e.id, e.type});
        if (it->second.position != e.seq && !result.firstDivergence)
            result.firstDivergence = std::min(it->second.position, e.seq);
        return true;
    });
    std::map<int64_t, EventRef> unmatchedA;
    for (const auto &[id, seen] : inA)
        if (!matchedInA.count(id))
            unmatchedA.emplace(seen.position, EventRef{seen.position, 0, id, seen.type});
    // The same place in both, different ids: one event, changed.
    for (auto it = unmatchedA.begin(); it != unmatchedA.end();) {
        const auto other = unmatchedB.find(it->first);
        if (other == unmatchedB.end()) {
            ++it;
            continue;
        }
        result.changed.push_back(
                {it->first, it->first, it->second.id + " / " + other->second.id, it->second.type});
        unmatchedB.erase(other);
        it = unmatchedA.erase(it);
    }
    for (auto &[position, ref] : unmatchedA)
        result.onlyInA.push_back(ref);
    for (auto &[position, ref] : unmatchedB)
        result.onlyInB.push_back(ref);
    std::sort(
            result.changed.begin(), result.changed.end(), [](const EventRef &x, const EventRef &y) {
                return std::max(x.positionA, x.positionB) < std::max(y.positionA, y.positionB);
            });
    auto consider = [&result](int64_t position) {
        if (position > 0 && (!result.firstDivergence || position < *result.firstDivergence))
            result.firstDivergence = position;
    };
    for (const auto &ref : result.onlyInA)
        consider(ref.positionA);
    for (const auto &ref : result.onlyInB)
        consider(ref.positionB);
    for (const auto &ref : result.changed)
        consider(std::min(ref.positionA > 0 ? ref.positionA : INT64_MAX,
                          ref.positionB > 0 ? ref.positionB : INT64_MAX));
    if (upToA != upToB)
        consider(std::min(upToA, upToB) + 1);
    return result;
}

} // namespace Chronoscope
