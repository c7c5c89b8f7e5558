#include "history/merger.h"
#include "log/corrections.h"
#include "log/snapshotstore.h"
#include "log/writetransaction.h"

#include "base/error.h"
#include "base/timestamp.h"
#include "history/branchhistory.h"
#include "log/branchstore.h"
#include "log/eventlog.h"
#include "log/eventwriter.h"
#include "log/modelstore.h"
#include "replay/logmodel.h"

#include <QUuid>

#include <nlohmann/json.hpp>

#include <map>

namespace Chronoscope {

namespace {

Branch checkedBranch(EventLog &log, const std::string &name)
{
    Branch branch = BranchStore(log).get(name);
    // Refusals are the operation failing on a well-formed request: exit 1, like a conflict.
    if (branch.parent != "main")
        throw Error::conflict("branch \"" + name + "\" forks \"" + branch.parent
                              + "\", not main: merge \"" + branch.parent + "\" first");
    if (branch.truncate)
        throw Error::conflict(
                "branch \"" + name
                + "\" is truncated: merging it would reverse every event after its fork");
    if (branch.mergedAt)
        throw Error::conflict("branch \"" + name + "\" was merged already, at "
                              + Timestamp::format(*branch.mergedAt));
    return branch;
}

// The merge, with or without writing.
Merger::Report run(EventLog &log, const std::string &name, const std::string &reason, bool write)
{
    Branch branch = checkedBranch(log, name);
    // Re-processed with its model's handlers: what they changed is part of the fix.
    const auto history = BranchHistory::open(log, name);
    const std::vector<BranchEdit> regenerated = history->regeneratedEdits();
    branch.edits.insert(branch.edits.end(), regenerated.begin(), regenerated.end());
    Merger::Report report;
    std::map<std::string, int64_t> appendedSeqOf; // ids this merge appends → their seqs
    std::optional<EventWriter> writer;
    if (write)
        writer.emplace(log);
    const int64_t now = Timestamp::now();
    auto seqOf = [&](const std::string &id) -> int64_t {
        if (const auto it = appendedSeqOf.find(id); it != appendedSeqOf.end())
            return it->second;
        const auto event = log.eventById(id);
        if (!event)
            throw Error::conflict("branch \"" + name + "\": edit target " + id
                                  + " is not an event of main");
        return event->seq;
    };
    auto record = [&](const char *kind, int64_t target, std::optional<int64_t> appended) {
        Corrections::record(log, {name, kind, target, appended, reason, now});
    };
    auto append
            = [&](Event event, const std::string &what, const std::string &correctsId) -> int64_t {
        auto metadata = nlohmann::json::parse(event.metadata, nullptr, false);
        if (!metadata.is_object())
            metadata = nlohmann::json::object();
        metadata["correction"] = {{"branch", name},
                                  {what, correctsId},
                                  {"reason", reason},
                                  {"merged_at", Timestamp::format(now)}};
        event.metadata = metadata.dump();
        // No service processed it: the merge appended it. Its time is the merge's (above, and
        // in the corrections table), kept out of processed_at and so out of the lag figures.
        event.processedAt.reset();
        event.result.reset();
        if (writer->write(event) != EventWriter::Outcome::Written)
            throw Error::conflict("branch \"" + name + "\": main has an event with id " + event.id
                                  + " already; nothing was merged");
        appendedSeqOf[event.id] = event.seq;
        ++report.appended;
        return event.seq;
    };

    for (const BranchEdit &edit : branch.edits) {
        const int64_t target = seqOf(edit.target);
        if (edit.kind != BranchEdit::Kind::Insert) {
            if (const auto other = Corrections::reversedBy(log, target))
                throw Error::conflict("branch \"" + name + "\" " + BranchEdit::kindName(edit.kind)
                                      + "s event " + std::to_string(target)
                                      + ", which the merge of \"" + *other
                                      + "\" already reversed; nothing was merged");
        }
        switch (edit.kind) {
        case BranchEdit::Kind::Skip:
            report.steps.push_back(
                    {"reverse",
                     target,
                     "reverse event " + std::to_string(target) + " (" + edit.target + ")"});
            if (write)
                record("reverse", target, std::nullopt);
            break;
        case BranchEdit::Kind::Replace: {
            report.steps.push_back({"reverse",
                                    target,
                                    "reverse event " + std::to_string(target)
                                            + " and append its correction (" + edit.event->type
                                            + ")"});
            if (!write)
                break;
            Event corrected = *edit.event;
            // A new id: the reversed event keeps its own.
            const QByteArray seed = QByteArray::fromStdString(name + "\n" + std::to_string(edit.id)
                                                              + "\n" + edit.target);
            corrected.id = QUuid::createUuidV5(QUuid(), seed)
                                   .toString(QUuid::WithoutBraces)
                                   .toStdString();
            corrected.causationId = edit.target;
            record("reverse", target, append(corrected, "reverses", edit.target));
            break;
        }
        case BranchEdit::Kind::Insert:
            report.steps.push_back({"insert",
                                    target,
                                    "append " + edit.event->type + " on " + edit.event->stream
                                            + ", replayed after event " + std::to_string(target)});
            if (write)
                record("insert", target, append(*edit.event, "inserted_after", edit.target));
            break;
        }
    }
    if (write) {
        if (branch.modelSource) {
            LogModel::set(log, *branch.modelSource, name + " model");
            report.modelChanged = true;
        }
        BranchStore(log).setMerged(name, now);
        // Main's replay changed from the first corrected event on: stored states are stale.
        SnapshotStore::removeAll(log);
    }
    return report;
}

} // namespace

std::vector<Merger::Step> Merger::plan(EventLog &log, const std::string &branch)
{
    return run(log, branch, {}, false).steps;
}

Merger::Report Merger::merge(EventLog &log, const std::string &branch, const std::string &reason)
{
    WriteTransaction tx(log);
    Report report
            = run(log, branch, reason.empty() ? "merged from branch " + branch : reason, true);
    tx.commit();
    return report;
}

} // namespace Chronoscope
