#include "log/corrections.h"

#include "log/eventlog.h"
#include "log/sqlite.h"

#include <algorithm>

namespace Chronoscope {

std::vector<int64_t> Corrections::at(int64_t seq) const
{
    if (appliedElsewhere.count(seq))
        return {};
    const auto it = applyInstead.find(seq);
    return it == applyInstead.end() ? std::vector<int64_t>{seq} : it->second;
}

Corrections Corrections::load(EventLog &log)
{
    Corrections c;
    // Where each seq is applied: the key of the list it is in.
    std::map<int64_t, int64_t> placeOf;
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT kind, target_seq, appended_seq, branch, reason FROM corrections "
                      "ORDER BY id");
    while (st.step()) {
        const bool reverse = st.columnText(0) == "reverse";
        const int64_t target = st.columnInt(1);
        const std::optional<int64_t> appended = st.columnOptionalInt(2);
        if (appended)
            c.appliedElsewhere.insert(*appended);
        if (reverse) {
            c.reversed[target] = "branch " + std::string(st.columnText(3)) + ": "
                                 + std::string(st.columnText(4));
            auto &list = c.applyInstead[target];
            list.clear();
            if (appended) {
                list.push_back(*appended);
                placeOf[*appended] = target;
            }
            continue;
        }
        if (!appended)
            continue;
        // Insert after the anchor, wherever the anchor itself is applied.
        const auto placed = placeOf.find(target);
        const int64_t key = placed == placeOf.end() ? target : placed->second;
        auto [it, fresh] = c.applyInstead.try_emplace(key, std::vector<int64_t>{key});
        auto &list = it->second;
        auto anchor = std::find(list.begin(), list.end(), target);
        list.insert(anchor == list.end() ? list.end() : anchor + 1, *appended);
        placeOf[*appended] = key;
    }
    return c;
}

void Corrections::record(EventLog &log, const Record &r)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "INSERT INTO corrections (branch, kind, target_seq, appended_seq, reason, "
                      "merged_at) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, std::string_view(r.branch));
    st.bind(2, std::string_view(r.kind));
    st.bind(3, r.targetSeq);
    st.bindOptional(4, r.appendedSeq);
    st.bind(5, std::string_view(r.reason));
    st.bind(6, r.mergedAt);
    st.run();
}

std::map<int64_t, Corrections::Record> Corrections::reversals(EventLog &log)
{
    std::map<int64_t, Record> result;
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT target_seq, branch, reason, appended_seq, merged_at FROM corrections "
                      "WHERE kind = 'reverse' ORDER BY id");
    while (st.step()) {
        Record r{std::string(st.columnText(1)),
                 "reverse",
                 st.columnInt(0),
                 st.columnOptionalInt(3),
                 std::string(st.columnText(2)),
                 st.columnInt(4)};
        result.try_emplace(r.targetSeq, std::move(r));
    }
    return result;
}

std::optional<std::string> Corrections::reversedBy(EventLog &log, int64_t seq)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT branch FROM corrections WHERE kind = 'reverse' AND target_seq = ?");
    st.bind(1, seq);
    return st.step() ? std::optional<std::string>(std::string(st.columnText(0))) : std::nullopt;
}

std::vector<int64_t> Corrections::appendedBy(EventLog &log, const std::string &branch)
{
    std::vector<int64_t> seqs;
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT appended_seq FROM corrections WHERE branch = ? AND appended_seq "
                      "IS NOT NULL ORDER BY appended_seq");
    st.bind(1, std::string_view(branch));
    while (st.step())
        seqs.push_back(st.columnInt(0));
    return seqs;
}

} // namespace Chronoscope
