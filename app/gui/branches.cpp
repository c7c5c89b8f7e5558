#include "branches.h"

#include "history/reprocessingcache.h"

#include "background.h"
#include "base/error.h"
#include "branchpanel.h"
#include "branchtreemodel.h"
#include "branchundocommand.h"
#include "history/branchhistory.h"
#include "history/merger.h"
#include "history/reverter.h"
#include "jsoneventdialog.h"
#include "log/branchstore.h"
#include "log/eventlog.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QUndoStack>

#include <nlohmann/json.hpp>

namespace Chronoscope {

Branches::Branches(QWidget *window,
                   BranchPanel *panel,
                   QUndoStack *undo,
                   std::function<int64_t()> position,
                   std::function<int64_t()> selected)
    : QObject(window)
    , m_window(window)
    , m_panel(panel)
    , m_undo(undo)
    , m_position(std::move(position))
    , m_selected(std::move(selected))
{
    connect(panel, &BranchPanel::forkRequested, this, [this] { fork(); });
    connect(panel, &BranchPanel::reprocessRequested, this, [this] { reprocess(); });
    connect(panel, &BranchPanel::skipRequested, this, &Branches::skipSelected);
    connect(panel, &BranchPanel::insertRequested, this, [this] { insertAfterSelected(); });
    connect(panel, &BranchPanel::replaceRequested, this, [this] { replaceSelected(); });
    connect(panel, &BranchPanel::mergeRequested, this, [this](const QString &branch) {
        merge(branch);
    });
    connect(panel, &BranchPanel::revertRequested, this, [this] { revertTo(); });
    connect(panel, &BranchPanel::deleteRequested, this, [this](const QString &branch) {
        remove(branch);
    });
    connect(panel, &BranchPanel::followRequested, this, [this](const QString &branch) {
        if (!branch.isEmpty())
            emit followRequested(branch);
    });
}

void Branches::setLog(EventLog *log)
{
    m_log = log;
    m_undo->clear();
    m_followed = QStringLiteral("main");
    reload();
}

void Branches::setFollowed(const QString &name)
{
    m_followed = name;
    m_panel->model()->setCurrent(name);
}

void Branches::report(const QString &text)
{
    m_panel->setMessage(text);
}

void Branches::reload()
{
    std::vector<BranchTreeModel::Row> rows;
    if (m_log) {
        rows.push_back(
                {QStringLiteral("main"), {}, 0, m_log->eventCount(), 0, 0, {}, false, false});
        for (const Branch &b : BranchStore(*m_log).list()) {
            BranchTreeModel::Row row;
            row.name = QString::fromStdString(b.name);
            row.parent = QString::fromStdString(b.parent);
            row.forkPosition = b.forkPosition;
            row.edits = static_cast<int>(b.edits.size());
            row.model
                    = b.modelHash ? QString::fromStdString(b.modelHash->substr(0, 12)) : QString();
            row.truncated = b.truncate;
            row.merged = b.mergedAt.has_value();
            // A branch that a model's handlers re-process is opened in a thread first (and then
            // from what that remembered); the row says "…" until then.
            const QString name = QString::fromStdString(b.name);
            try {
                auto history = BranchHistory::openIfReady(*m_log, b.name, *m_reprocessing);
                if (!history) {
                    row.events = -1;
                    if (m_preparing.insert(name).second) {
                        prepare(name, [this, name](const QString &) {
                            m_preparing.erase(name);
                            reload();
                        });
                    }
                } else {
                    row.events = history->length();
                    row.regenerated = static_cast<int>(history->regeneratedEdits().size());
                }
            } catch (const Error &e) {
                row.model = QString::fromUtf8(e.what());
            }
            rows.push_back(std::move(row));
        }
    }
    m_panel->model()->setRows(std::move(rows));
    m_panel->model()->setCurrent(m_followed);
}

void Branches::prepare(const QString &name, std::function<void(const QString &error)> then)
{
    if (!m_log)
        return;
    const std::string path = m_log->path();
    const std::string branch = name.toStdString();
    runInBackground(
            this,
            [path, branch, cache = m_reprocessing] {
                try {
                    EventLog log(path, EventLog::OpenMode::Existing);
                    BranchHistory::open(log, branch, cache.get());
                    return QString();
                } catch (const Error &e) {
                    return QString::fromUtf8(e.what());
                }
            },
            std::move(then));
}

std::vector<TimelineView::BranchMark> Branches::timelineMarks() const
{
    std::vector<TimelineView::BranchMark> marks;
    if (!m_log)
        return marks;
    try {
        for (const Branch &b : BranchStore(*m_log).list()) {
            const bool followed = m_followed == QString::fromStdString(b.name);
            if (b.parent != m_followed.toStdString() && !followed)
                continue;
            // A fork point is a position of the parent: on main, a seq.
            auto parent = BranchHistory::open(*m_log, b.parent, m_reprocessing.get());
            if (const auto at = parent->at(std::max<int64_t>(b.forkPosition, 1)))
                marks.push_back({at->recordedAt, QString::fromStdString(b.name), true});
            if (!followed)
                continue;
            auto history = BranchHistory::open(*m_log, b.name, m_reprocessing.get());
            for (const auto &[id, how] : history->editedEvents()) {
                if (const auto position = history->positionOf(id))
                    if (const auto event = history->at(*position))
                        marks.push_back({event->recordedAt, QString::fromStdString(how), false});
            }
        }
    } catch (const Error &) {
        // A branch that cannot be opened has nothing to mark; the panel says why.
    }
    return marks;
}

QString Branches::askName(const QString &suggestion)
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window,
                                               tr("New Branch"),
                                               tr("Name of the branch (letters, digits, - _ .):"),
                                               QLineEdit::Normal,
                                               suggestion,
                                               &ok)
                                 .trimmed();
    return ok ? name : QString();
}

void Branches::create(const QString &name, const std::optional<std::string> &model)
{
    if (!m_log || name.isEmpty())
        return;
    const int64_t at = m_position();
    try {
        BranchEditor(*m_log, m_reprocessing.get())
                .create(name.toStdString(), m_followed.toStdString(), at, false, model);
    } catch (const Error &e) {
        QMessageBox::warning(m_window, tr("New Branch"), QString::fromUtf8(e.what()));
        return;
    }
    report(tr("Forked %1 at %2@%3.").arg(name, m_followed).arg(at));
    reload();
    emit followRequested(name);
}

void Branches::fork(const QString &name)
{
    if (!m_log)
        return;
    create(name.isEmpty() ? askName(QStringLiteral("fix-%1").arg(m_position())) : name,
           std::nullopt);
}

void Branches::reprocess(const QString &modelFile, const QString &name)
{
    if (!m_log)
        return;
    const QString file = modelFile.isEmpty()
                                 ? QFileDialog::getOpenFileName(m_window,
                                                                tr("Re-process with Model"),
                                                                QString(),
                                                                tr("JavaScript model (*.js)"))
                                 : modelFile;
    if (file.isEmpty())
        return;
    QFile source(file);
    if (!source.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(m_window,
                             tr("Re-process with Model"),
                             tr("Cannot read %1: %2").arg(file, source.errorString()));
        return;
    }
    create(name.isEmpty() ? askName(QFileInfo(file).completeBaseName()) : name,
           source.readAll().toStdString());
}

bool Branches::requireBranch()
{
    if (m_log && m_followed != QLatin1String("main") && m_selected() > 0)
        return true;
    report(m_followed == QLatin1String("main")
                   ? tr("Main is the recorded history and is never edited: fork a branch "
                        "first, then edit it.")
                   : tr("Select an event of the branch first."));
    return false;
}

void Branches::push(const std::function<BranchEditCommand()> &make)
{
    try {
        BranchEditCommand command = make();
        m_undo->push(new BranchUndoCommand(
                *m_log, std::move(command), [this](const QString &branch, const QString &error) {
                    if (!error.isEmpty())
                        report(error);
                    else
                        report({});
                    reload();
                    emit branchChanged(branch);
                }));
    } catch (const Error &e) {
        report(QString::fromUtf8(e.what()));
    }
}

void Branches::skipSelected()
{
    if (!requireBranch())
        return;
    const std::string position = std::to_string(m_selected());
    push([this, position] {
        return BranchEditor(*m_log, m_reprocessing.get()).skip(m_followed.toStdString(), position);
    });
}

void Branches::insertAfterSelected(const QString &json)
{
    if (!requireBranch())
        return;
    QString text = json;
    if (text.isEmpty()) {
        const auto anchor
                = BranchHistory::open(*m_log, m_followed.toStdString(), m_reprocessing.get())
                          ->at(m_selected());
        const nlohmann::ordered_json draft = {{"type", anchor ? anchor->type : std::string()},
                                              {"stream", anchor ? anchor->stream : std::string()},
                                              {"data", nlohmann::json::object()}};
        JsonEventDialog dialog(JsonEventDialog::Purpose::Insert,
                               tr("Insert after event %1").arg(m_selected()),
                               QString::fromStdString(draft.dump(2)),
                               m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        text = dialog.json();
    }
    const std::string after = std::to_string(m_selected());
    const std::string event = text.toStdString();
    push([this, after, event] {
        return BranchEditor(*m_log, m_reprocessing.get())
                .insert(m_followed.toStdString(), after, event);
    });
}

void Branches::replaceSelected(const QString &json)
{
    if (!requireBranch())
        return;
    QString text = json;
    if (text.isEmpty()) {
        const auto original
                = BranchHistory::open(*m_log, m_followed.toStdString(), m_reprocessing.get())
                          ->at(m_selected());
        if (!original)
            return;
        const nlohmann::ordered_json draft
                = {{"type", original->type},
                   {"data", nlohmann::json::parse(original->data, nullptr, false)}};
        JsonEventDialog dialog(JsonEventDialog::Purpose::Replace,
                               tr("Replace event %1").arg(m_selected()),
                               QString::fromStdString(draft.dump(2)),
                               m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        text = dialog.json();
    }
    const std::string target = std::to_string(m_selected());
    const std::string event = text.toStdString();
    push([this, target, event] {
        return BranchEditor(*m_log, m_reprocessing.get())
                .replace(m_followed.toStdString(), target, event);
    });
}

void Branches::merge(const QString &branch, bool confirm)
{
    const QString name = branch.isEmpty() ? m_followed : branch;
    if (!m_log || name.isEmpty() || name == QLatin1String("main")) {
        report(tr("Select a branch of main to merge."));
        return;
    }
    try {
        const auto steps = Merger::plan(*m_log, name.toStdString());
        if (confirm) {
            QStringList lines;
            for (const auto &step : steps)
                lines.append(QString::fromStdString(step.description));
            QMessageBox box(QMessageBox::Question,
                            tr("Merge %1 into Main").arg(name),
                            tr("Merging appends %n correction(s) to main; no recorded event is "
                               "deleted. Reversed events stay in the log, marked.",
                               nullptr,
                               static_cast<int>(steps.size())),
                            QMessageBox::Ok | QMessageBox::Cancel,
                            m_window);
            box.setDetailedText(lines.join(QLatin1Char('\n')));
            box.setInformativeText(lines.mid(0, 8).join(QLatin1Char('\n')));
            if (box.exec() != QMessageBox::Ok)
                return;
        }
        const auto result = Merger::merge(*m_log, name.toStdString(), {});
        report(tr("Merged %1: %n event(s) appended to main.",
                  nullptr,
                  static_cast<int>(result.appended))
                       .arg(name));
    } catch (const Error &e) {
        refused(tr("Merge"), e, confirm);
        return;
    }
    mainRewritten();
}

void Branches::revertTo(int64_t seq, bool confirm)
{
    if (!m_log)
        return;
    if (m_followed != QLatin1String("main")) {
        report(tr("Follow main to revert it."));
        return;
    }
    const int64_t to = seq > 0 ? seq : m_position();
    try {
        const Reverter::Plan plan = Reverter::plan(*m_log, to);
        if (confirm
            && QMessageBox::question(
                       m_window,
                       tr("Revert Main to Event %1").arg(to),
                       tr("Reverting reverses %n event(s) after event %1 (%2..%3): each gets a "
                          "correction record, none is deleted, and main's state becomes the "
                          "state after event %1. The revert is kept as branch %4.",
                          nullptr,
                          static_cast<int>(plan.events))
                               .arg(to)
                               .arg(plan.first)
                               .arg(plan.last)
                               .arg(QString::fromStdString(plan.branch)),
                       QMessageBox::Ok | QMessageBox::Cancel)
                       != QMessageBox::Ok)
            return;
        const Reverter::Plan done = Reverter::revert(*m_log, to, {});
        report(tr("Reverted main to event %1: %n event(s) reversed.",
                  nullptr,
                  static_cast<int>(done.events))
                       .arg(to));
    } catch (const Error &e) {
        refused(tr("Revert"), e, confirm);
        return;
    }
    mainRewritten();
}

void Branches::refused(const QString &title, const Error &e, bool confirm)
{
    report(QString::fromUtf8(e.what()));
    if (confirm)
        QMessageBox::warning(m_window, title, QString::fromUtf8(e.what()));
}

void Branches::mainRewritten()
{
    m_undo->clear(); // the edits before it are part of main's history now
    reload();
    emit mainChanged();
}

void Branches::remove(const QString &branch, bool confirm)
{
    if (!m_log || branch.isEmpty() || branch == QLatin1String("main"))
        return;
    if (confirm
        && QMessageBox::question(m_window,
                                 tr("Delete Branch"),
                                 tr("Delete branch %1 and its edits? The recorded events are "
                                    "not touched.")
                                         .arg(branch))
                   != QMessageBox::Yes)
        return;
    try {
        BranchStore(*m_log).remove(branch.toStdString());
    } catch (const Error &e) {
        report(QString::fromUtf8(e.what()));
        return;
    }
    m_undo->clear();
    report(tr("Deleted %1.").arg(branch));
    reload();
    if (m_followed == branch)
        emit followRequested(QStringLiteral("main"));
}

} // namespace Chronoscope
