#pragma once

#include <QWidget>

#include <map>
#include <memory>

class QLabel;
class QLineEdit;
class QTableView;
class QTreeView;

namespace Chronoscope {

class EventAlignmentModel;
class JsonTreeModel;
struct Comparison;

/// The compare view: two revisions side by side — two branches, two positions, or a revision
/// of a second log (production and test). Their state trees with values added (green), removed
/// (red) and changed (amber), scrolled and expanded together; below, where the histories
/// differ event by event, the first divergence marked. Both sides step together; the
/// difference exports as RFC 6902 JSON or as a readable report.
class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(QWidget *parent = nullptr);

    QLineEdit *revisionA() const { return m_revisionA; }
    QLineEdit *revisionB() const { return m_revisionB; }
    /// B's log when it is not the open one (empty: the same log).
    QString otherLog() const { return m_otherLog; }
    void setOtherLog(const QString &path);

    JsonTreeModel *modelA() const { return m_modelA; }
    JsonTreeModel *modelB() const { return m_modelB; }
    QTreeView *treeA() const { return m_treeA; }
    QTreeView *treeB() const { return m_treeB; }
    EventAlignmentModel *alignment() const { return m_alignment; }
    std::shared_ptr<const Comparison> comparison() const { return m_comparison; }

    void setComparison(std::shared_ptr<const Comparison> comparison);
    void setMessage(const QString &text);

    /// Asks for the comparison of the revisions in the fields.
    void compare();
    /// Moves both sides by `delta` events and compares again.
    void step(int delta);

signals:
    void compareRequested(const QString &a, const QString &b, const QString &otherLog);
    /// Write the difference to `path`: RFC 6902 operations (json) or the readable report.
    void exportRequested(const QString &path, bool json);

private:
    void chooseOtherLog();
    void exportDialog(bool json);
    void mirrorScroll(QTreeView *from, QTreeView *to, int value);
    void mirrorExpansion(QTreeView *from, QTreeView *to, const QModelIndex &index, bool expand);

    QLineEdit *m_revisionA;
    QLineEdit *m_revisionB;
    QString m_otherLog;
    QLabel *m_otherLogLabel;
    QLabel *m_summary;
    JsonTreeModel *m_modelA;
    JsonTreeModel *m_modelB;
    QTreeView *m_treeA;
    QTreeView *m_treeB;
    EventAlignmentModel *m_alignment;
    QTableView *m_events;
    std::shared_ptr<const Comparison> m_comparison;
    bool m_mirroring = false;
    std::map<QTreeView *, int> m_scrolled; // each tree's last scroll position
};

} // namespace Chronoscope
