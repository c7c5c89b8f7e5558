#pragma once

#include <QAbstractItemModel>

#include <vector>

namespace Chronoscope {

/// The tree of histories: main at the root, each branch under the history it forks, with its
/// fork point, length, edits, model and whether it is merged. The history the debugger
/// follows is shown bold.
class BranchTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Name, ForkPoint, Events, Edits, Model, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1 };

    struct Row
    {
        QString name;
        QString parent; ///< empty for main
        qint64 forkPosition = 0;
        qint64 events = 0; ///< -1: not known yet (being re-processed)
        int edits = 0;
        int regenerated = 0; ///< events changed by re-processing with the model's handlers
        QString model;       ///< empty: the log's
        bool truncated = false;
        bool merged = false;
    };

    explicit BranchTreeModel(QObject *parent = nullptr);

    /// Main first; a branch whose parent is not listed goes under main.
    void setRows(std::vector<Row> rows);
    const std::vector<Row> &rows() const { return m_rows; }
    void setCurrent(const QString &name);
    QString current() const { return m_current; }
    QModelIndex indexOf(const QString &name) const;
    QString nameAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Rows by index; internalId of an index is its row's index in m_rows.
    std::vector<Row> m_rows;
    std::vector<int> m_parentOf;              // -1 for main
    std::vector<std::vector<int>> m_children; // per row; the root's are m_roots
    std::vector<int> m_roots;
    QString m_current = QStringLiteral("main");
};

} // namespace Chronoscope
