#include "history/merger.h"

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
    if (branch.parent != "main")
        throw Error::input("branch \"" + name + "\" forks \"" + branch.parent
                           + "\", not main: merge \"" + branch.parent + "\" first");
    if (branch.truncate)
        throw Error::input(
                "branch \"" + name
                + "\" is truncated: merging it would reverse every event after its fork");
    Sql::Statement merged(log.database(), "SELECT merged_at FROM branches WHERE name = ?");
    merged.bind(1, std::string_view(name));
    if (merged.step() && !merged.isNull(0))
        throw Error::conflict("branch \"" + name + "\" was merged already, at "
                              + Timestamp::format(merged.columnInt(0)));
    return branch;
}

std::optional<std::string> reversedBy(EventLog &log, int64_t seq)
{
    Sql::Statement st(log.database(),
                      "SELECT branch FROM corrections WHERE kind = 'reverse' AND target_seq = ?");
    st.bind(1, seq);
    return st.step() ? std::optional<std::string>(std::string(st.columnText(0))) : std::nullopt;
}

// The merge, with or without writing.
Merger::Report run(EventLog &log, const std::string &name, const std::string &reason, bool write)
{
    Branch branch = checkedBranch(log, name);
    // Re-processed with its model's handlers: what they changed is part of the fix.
    const auto history = BranchHistory::open(log, name);
    if (const auto *layer = dynamic_cast<const BranchHistory *>(history.get());
        layer && layer->branch().regenerated)
        branch.edits.insert(
                branch.edits.end(), layer->branch().edits.begin(), layer->branch().edits.end());
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
            throw Error::input("branch \"" + name + "\": edit target " + id
                               + " is not an event of main");
        return event->seq;
    };
    auto record = [&](const char *kind, int64_t target, std::optional<int64_t> appended) {
        Sql::Statement st(
                log.database(),
                "INSERT INTO corrections (branch, kind, target_seq, appended_seq, reason, "
                "merged_at) VALUES (?, ?, ?, ?, ?, ?)");
        st.bind(1, std::string_view(name));
        st.bind(2, std::string_view(kind));
        st.bind(3, target);
        st.bindOptional(4, appended);
        st.bind(5, std::string_view(reason));
        st.bind(6, now);
        st.run();
    };
    auto append
            = [&](Event event, const std::string &what, const std::string &correctsId) -> int64_t {
        auto metadata = nlohmann::json::parse(event.metadata, nullptr, false);
        if (!metadata.is_object())
            metadata = nlohmann::json::object();
        metadata["correction"] = {{"branch", name}, {what, correctsId}, {"reason", reason}};
        event.metadata = metadata.dump();
        event.processedAt = now;
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
            if (const auto other = reversedBy(log, target))
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
        Sql::Statement merged(log.database(), "UPDATE branches SET merged_at = ? WHERE name = ?");
        merged.bind(1, now);
        merged.bind(2, std::string_view(name));
        merged.run();
        // Main's replay changed from the first corrected event on: stored states are stale.
        log.database().exec("DELETE FROM snapshots");
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
    Sql::Transaction tx(log.database());
    Report report
            = run(log, branch, reason.empty() ? "merged from branch " + branch : reason, true);
    tx.commit();
    return report;
}

} // namespace Chronoscope
