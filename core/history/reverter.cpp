#include "history/reverter.h"

#include "base/error.h"
#include "base/timestamp.h"
#include "history/brancheditor.h"
#include "log/branchstore.h"
#include "log/corrections.h"
#include "log/eventlog.h"
#include "log/snapshotstore.h"
#include "log/writetransaction.h"

namespace Chronoscope {

Reverter::Plan Reverter::plan(EventLog &log, int64_t to)
{
    const int64_t head = log.eventCount();
    if (to < 0 || to >= head)
        throw Error::conflict("nothing to revert: no event of main follows event "
                              + std::to_string(to));
    const Corrections corrections = Corrections::load(log);
    for (const auto &[seq, why] : corrections.reversed)
        if (seq > to)
            throw Error::conflict("event " + std::to_string(seq) + " was reversed already (" + why
                                  + "); nothing was reverted");
    for (const int64_t seq : corrections.appliedElsewhere)
        if (seq > to)
            throw Error::conflict("event " + std::to_string(seq)
                                  + " is a merge's correction of an earlier event: revert to "
                                    "event "
                                  + std::to_string(seq) + " or later; nothing was reverted");
    Plan plan{to, to + 1, head, head - to, "revert-to-" + std::to_string(to)};
    BranchStore branches(log);
    for (int n = 2; branches.exists(plan.branch); ++n)
        plan.branch = "revert-to-" + std::to_string(to) + "-" + std::to_string(n);
    return plan;
}

Reverter::Plan Reverter::revert(EventLog &log, int64_t to, const std::string &reason)
{
    WriteTransaction tx(log);
    const Plan plan = Reverter::plan(log, to);
    BranchEditor(log).create(plan.branch, "main", to, /*truncate*/ true, std::nullopt);
    const int64_t now = Timestamp::now();
    const std::string why = reason.empty() ? "reverted to event " + std::to_string(to) : reason;
    for (int64_t seq = plan.first; seq <= plan.last; ++seq)
        Corrections::record(log, {plan.branch, "reverse", seq, std::nullopt, why, now});
    BranchStore(log).setMerged(plan.branch, now);
    SnapshotStore::removeAll(log);
    tx.commit();
    return plan;
}

} // namespace Chronoscope
