#pragma once

#include "replay/state.h"

#include <QAbstractItemModel>
#include <QColor>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace Chronoscope {

/// A JSON document, or a replayed state, as a lazy tree: a member's children are made when a
/// view first asks for them, and a stream's JSON text is parsed only when it is shown, so a
/// state with a million streams opens at once. Paths are JSON Pointers (PathRole). Values that
/// the last step changed are highlighted, with their value before the step in the Before column.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Key, Value, Before, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, JsonRole, ChangedRole };
    /// How a path was touched by the last step.
    enum class Change { None, Changed, Inside };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    /// Shows one document: the root's members at the top level.
    void setJson(const nlohmann::json &document);
    /// Shows a state: "streams" and "projections" at the top level. `changed` maps the JSON
    /// Pointers the last step changed to their values before it (nullopt: there was none).
    void setState(const State &state,
                  std::map<std::string, std::optional<nlohmann::json>> changed = {});
    void clear();
    /// For comparing two states side by side: the Before column is titled `title` and holds the
    /// other side's value, and a value the other side does not have at all is coloured
    /// `onlyHere` (green for added on the right, red for removed on the left).
    void setOtherSide(const QString &title, const QColor &onlyHere);

    /// The index of a JSON Pointer, making the nodes on the way; invalid when nothing is there.
    QModelIndex indexOfPath(const std::string &pointer);
    Change changeOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    void buildChildren(Node &node) const;
    const nlohmann::json *valueOf(Node &node) const;
    Change changeOf(const Node &node) const;

    std::unique_ptr<Node> m_root;
    std::map<std::string, std::optional<nlohmann::json>> m_changed;
    QString m_otherTitle;
    QColor m_onlyHere;
};

} // namespace Chronoscope
