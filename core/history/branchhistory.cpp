#include "history/branchhistory.h"

#include "history/reprocessingcache.h"
#include "log/corrections.h"

#include "base/error.h"
#include "history/reprocessor.h"
#include "log/branchstore.h"
#include "log/eventlog.h"
#include "log/mainhistory.h"
#include "log/modelstore.h"
#include "replay/jsmodel.h"
#include "replay/logmodel.h"

#include <algorithm>

namespace Chronoscope {

namespace {

// What a branch's events depend on: main's length, and each branch on the way from main with
// its fork, its edits and what it hides.
std::string signature(History &history)
{
    std::string text;
    for (History *h = &history; h;) {
        if (h->isMain()) {
            text += "main:" + std::to_string(h->length());
            break;
        }
        auto *branch = static_cast<BranchHistory *>(h);
        const Branch &b = branch->branch();
        text += b.name + "@" + std::to_string(b.forkPosition) + (b.truncate ? "t" : "") + ":"
                + std::to_string(h->length());
        for (const BranchEdit &e : b.edits)
            text += "," + std::to_string(e.id);
        text += ";";
        h = &branch->parent();
    }
    return text;
}

} // namespace

std::unique_ptr<History>
BranchHistory::open(EventLog &log, const std::string &name, ReprocessingCache *cache)
{
    return open(log, name, cache, false);
}

std::unique_ptr<History>
BranchHistory::openIfReady(EventLog &log, const std::string &name, ReprocessingCache &cache)
{
    return open(log, name, &cache, true);
}

std::unique_ptr<History> BranchHistory::open(EventLog &log,
                                             const std::string &name,
                                             ReprocessingCache *cache,
                                             bool onlyRemembered)
{
    if (name == "main")
        return std::make_unique<MainHistory>(log);
    BranchStore store(log);
    Branch branch = store.get(name);
    std::unique_ptr<History> parent = open(log, branch.parent, cache, onlyRemembered);
    if (!parent)
        return nullptr;
    // A merged branch stays what it was: main's corrections from its merge are its own edits.
    std::vector<int64_t> hidden = Corrections::appendedBy(log, name);
    auto history = std::make_unique<BranchHistory>(
            std::move(branch), std::move(parent), std::move(hidden));
    const Branch &stored = history->branch();
    if (!stored.modelSource)
        return history;
    // Re-processed with new code: what the model's handlers emit, over the branch's events.
    // That runs the handlers over every event after the fork, so it is remembered for as long
    // as nothing it depends on changes.
    const std::string key
            = log.path() + '\n' + stored.modelHash.value_or("") + '\n' + signature(*history);
    std::optional<ReprocessingCache::Result> found
            = cache ? cache->find(key) : std::optional<ReprocessingCache::Result>();
    if (!found && onlyRemembered)
        return nullptr;
    if (!found) {
        try {
            JsModel model(*stored.modelSource, name + " model");
            found = ReprocessingCache::Result{model.hasHandlers(), {}, std::nullopt};
            if (found->handlers)
                found->edits = Reprocessor(log, model).edits(*history, stored.forkPosition);
        } catch (const Error &e) {
            found = ReprocessingCache::Result{false, {}, e};
        }
        if (cache)
            cache->store(key, *found);
    }
    if (found->error)
        throw *found->error;
    if (!found->handlers)
        return history;
    Branch regenerated;
    regenerated.name = name;
    regenerated.parent = name;
    regenerated.forkPosition = stored.forkPosition;
    regenerated.regenerated = true;
    regenerated.edits = std::move(found->edits);
    return std::make_unique<BranchHistory>(std::move(regenerated), std::move(history));
}

std::unique_ptr<Model> BranchHistory::modelFor(EventLog &log, History &history)
{
    for (History *h = &history; !h->isMain();) {
        auto *branch = static_cast<BranchHistory *>(h);
        if (branch->branch().modelSource)
            return std::make_unique<JsModel>(*branch->branch().modelSource,
                                             branch->branch().name + " model");
        h = &branch->parent();
    }
    return LogModel::load(log);
}

BranchHistory::BranchHistory(Branch branch,
                             std::unique_ptr<History> parent,
                             std::vector<int64_t> hidden)
    : m_branch(std::move(branch))
    , m_parent(std::move(parent))
    , m_hidden(std::move(hidden))
{
    build();
}

void BranchHistory::build()
{
    const int64_t parentLength = m_parent->length();
    const int64_t fork = std::clamp<int64_t>(m_branch.forkPosition, 0, parentLength);
    std::vector<Segment> segments;
    if (fork > 0)
        segments.push_back({1, fork, std::nullopt});
    if (!m_branch.truncate && fork < parentLength)
        segments.push_back({fork + 1, parentLength, std::nullopt});
    for (const int64_t position : m_hidden) {
        for (size_t i = 0; i < segments.size(); ++i) {
            const Segment s = segments[i];
            if (s.event || position < s.parentFrom || position > s.parentTo)
                continue;
            segments.erase(segments.begin() + static_cast<std::ptrdiff_t>(i));
            if (position < s.parentTo)
                segments.insert(segments.begin() + static_cast<std::ptrdiff_t>(i),
                                {position + 1, s.parentTo, std::nullopt});
            if (position > s.parentFrom)
                segments.insert(segments.begin() + static_cast<std::ptrdiff_t>(i),
                                {s.parentFrom, position - 1, std::nullopt});
            break;
        }
    }
    for (const BranchEdit &edit : m_branch.edits)
        apply(edit, segments);
    m_segments = std::move(segments);
    m_starts.clear();
    m_length = 0;
    for (const Segment &s : m_segments) {
        m_starts.push_back(m_length + 1);
        m_length += s.length();
    }
}

void BranchHistory::check(const BranchEdit &edit)
{
    std::vector<Segment> segments = m_segments;
    apply(edit, segments);
}

void BranchHistory::apply(const BranchEdit &edit, std::vector<Segment> &segments)
{
    const std::string what = std::string(BranchEdit::kindName(edit.kind)) + " of event "
                             + edit.target + " on branch \"" + m_branch.name + "\"";
    // An event this branch inserted or replaced (inserting after it is allowed).
    for (size_t i = 0; i < segments.size(); ++i) {
        if (!segments[i].event || segments[i].event->id != edit.target)
            continue;
        if (edit.kind == BranchEdit::Kind::Insert) {
            segments.insert(segments.begin() + static_cast<std::ptrdiff_t>(i + 1),
                            Segment{0, -1, edit.event, true});
            return;
        }
        if (edit.kind == BranchEdit::Kind::Skip) {
            segments.erase(segments.begin() + static_cast<std::ptrdiff_t>(i));
            return;
        }
        Event replacement = *edit.event;
        segments[i].event = replacement;
        return;
    }
    const std::optional<int64_t> position = m_parent->positionOf(edit.target);
    if (!position)
        throw Error::input(what + ": " + m_parent->name() + " has no event with that id");
    // Inserting after the fork point's own event is fine: the new event comes after the fork.
    const bool shared = edit.kind == BranchEdit::Kind::Insert ? *position < m_branch.forkPosition
                                                              : *position <= m_branch.forkPosition;
    if (shared)
        throw Error::input(what + ": the event is at " + std::to_string(*position)
                           + ", at or before the fork point ("
                           + std::to_string(m_branch.forkPosition)
                           + "), which the branch shares with " + m_parent->name()
                           + "; fork earlier to change it");
    for (size_t i = 0; i < segments.size(); ++i) {
        Segment &s = segments[i];
        if (s.event || *position < s.parentFrom || *position > s.parentTo)
            continue;
        const Segment before{s.parentFrom, *position - 1, std::nullopt};
        const Segment at{*position, *position, std::nullopt};
        const Segment after{*position + 1, s.parentTo, std::nullopt};
        std::vector<Segment> replacement;
        if (before.length() > 0)
            replacement.push_back(before);
        switch (edit.kind) {
        case BranchEdit::Kind::Skip:
            break;
        case BranchEdit::Kind::Insert:
            replacement.push_back(at);
            replacement.push_back({0, -1, edit.event, true});
            break;
        case BranchEdit::Kind::Replace:
            replacement.push_back({0, -1, edit.event});
            break;
        }
        if (after.length() > 0)
            replacement.push_back(after);
        segments.erase(segments.begin() + static_cast<std::ptrdiff_t>(i));
        segments.insert(segments.begin() + static_cast<std::ptrdiff_t>(i),
                        replacement.begin(),
                        replacement.end());
        return;
    }
    throw Error::input(what
                       + ": an earlier edit of this branch already skipped or replaced it, "
                         "or the branch ends before it");
}

std::vector<BranchEdit> BranchHistory::regeneratedEdits() const
{
    return m_branch.regenerated ? m_branch.edits : std::vector<BranchEdit>();
}

std::map<std::string, std::string> BranchHistory::editedEvents() const
{
    std::map<std::string, std::string> edited = m_parent->editedEvents();
    for (const Segment &s : m_segments) {
        if (s.event)
            edited[s.event->id] = m_branch.regenerated ? "regenerated"
                                  : s.inserted         ? "inserted"
                                                       : "replaced";
    }
    return edited;
}

int64_t BranchHistory::length()
{
    return m_length;
}

std::pair<size_t, int64_t> BranchHistory::locate(int64_t position) const
{
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), position);
    const auto index = static_cast<size_t>(it - m_starts.begin()) - 1;
    return {index, m_starts[index]};
}

void BranchHistory::forEach(int64_t from,
                            int64_t to,
                            EventFilter::Columns columns,
                            const std::function<bool(const Event &)> &visit)
{
    from = std::max<int64_t>(from, 1);
    to = std::min(to, m_length);
    if (to < from)
        return;
    auto [index, start] = locate(from);
    int64_t position = from;
    bool going = true;
    while (going && position <= to && index < m_segments.size()) {
        const Segment &s = m_segments[index];
        if (s.event) {
            Event e = *s.event;
            e.seq = position;
            going = visit(e);
            ++position;
        } else {
            const int64_t offset = position - start;
            const int64_t last = std::min(s.parentTo, s.parentFrom + (to - start));
            int64_t next = position;
            m_parent->forEach(s.parentFrom + offset, last, columns, [&](const Event &parentEvent) {
                Event e = parentEvent;
                e.seq = next++;
                going = visit(e);
                return going;
            });
            position = next;
        }
        start += s.length();
        ++index;
    }
}

std::optional<Event> BranchHistory::at(int64_t position)
{
    std::optional<Event> found;
    forEach(position, position, EventFilter::Columns::All, [&found](const Event &e) {
        found = e;
        return false;
    });
    return found;
}

std::optional<int64_t> BranchHistory::positionOf(const std::string &id)
{
    const auto inParent = m_parent->positionOf(id);
    for (size_t i = 0; i < m_segments.size(); ++i) {
        const Segment &s = m_segments[i];
        if (s.event) {
            if (s.event->id == id)
                return m_starts[i];
            continue;
        }
        if (inParent && *inParent >= s.parentFrom && *inParent <= s.parentTo)
            return m_starts[i] + (*inParent - s.parentFrom);
    }
    return std::nullopt;
}

} // namespace Chronoscope
