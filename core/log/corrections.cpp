#include "log/corrections.h"

#include "log/eventlog.h"

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
    Sql::Statement st(log.database(),
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

} // namespace Chronoscope
