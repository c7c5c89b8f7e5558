#pragma once

#include "session/sessionupdate.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QTabWidget;
class QTableWidget;
class QTreeView;

namespace Chronoscope {

class JsonTreeModel;

/// The replayed state at the replay's position as a lazy tree of streams and projections, the
/// values the last step changed highlighted (with their values before it), the step's changes as
/// RFC 6902 operations in the Diff tab, search inside the state, and per value: copy it, copy its
/// path, blame it. Expanded members stay expanded as the replay moves.
class StateInspector : public QWidget
{
    Q_OBJECT

public:
    explicit StateInspector(QWidget *parent = nullptr);

    void setUpdate(const SessionUpdate &update);
    JsonTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QTableWidget *diffTable() const { return m_diff; }
    QLineEdit *findEdit() const { return m_find; }
    QListWidget *findResults() const { return m_results; }

    /// Expands the tree down to a JSON Pointer and selects it.
    void reveal(const QString &pointer);

signals:
    void blameRequested(const QString &pointer);

private:
    void find();
    void showContextMenu(const QPoint &position);
    QStringList expandedPaths() const;

    JsonTreeModel *m_model;
    QTreeView *m_tree;
    QTableWidget *m_diff;
    QLineEdit *m_find;
    QListWidget *m_results;
    QTabWidget *m_tabs;
    QLabel *m_caption;
    State m_state;
};

} // namespace Chronoscope
