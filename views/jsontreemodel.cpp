#include "jsontreemodel.h"
#include "palette.h"

#include "base/jsonpointer.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace Chronoscope {

namespace {

QString summary(const nlohmann::json &value)
{
    if (value.is_object())
        return value.empty() ? QStringLiteral("{}") : QStringLiteral("{%1}").arg(value.size());
    if (value.is_array())
        return value.empty() ? QStringLiteral("[]") : QStringLiteral("[%1]").arg(value.size());
    QString text = QString::fromStdString(value.dump());
    if (text.size() > 300)
        text = text.left(297) + QStringLiteral("…");
    return text;
}

} // namespace

struct JsonTreeModel::Node
{
    Node *parent = nullptr;
    int row = 0;
    std::string key;
    std::string path;
    JsonString text;                     // the value as JSON text, parsed on first use
    std::optional<nlohmann::json> value; // the parsed value
    // A section of a state ("streams", "projections"): its members, listed but not parsed.
    std::optional<std::vector<std::pair<std::string, JsonString>>> members;
    bool built = false;
    std::vector<std::unique_ptr<Node>> children;
};

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->built = true;
    m_changed.clear();
    endResetModel();
}

void JsonTreeModel::setJson(const nlohmann::json &document)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->value = document;
    m_changed.clear();
    endResetModel();
}

void JsonTreeModel::setState(const State &state,
                             std::map<std::string, std::optional<nlohmann::json>> changed)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->built = true;
    m_changed = std::move(changed);
    for (const char *section : {"streams", "projections"}) {
        auto node = std::make_unique<Node>();
        node->parent = m_root.get();
        node->row = static_cast<int>(m_root->children.size());
        node->key = section;
        node->path = std::string("/") + section;
        node->members = state.sortedMembers(node->key == "streams" ? State::Section::Streams
                                                                   : State::Section::Projections);
        m_root->children.push_back(std::move(node));
    }
    endResetModel();
}

const nlohmann::json *JsonTreeModel::valueOf(Node &node) const
{
    if (!node.value && node.text)
        node.value = nlohmann::json::parse(*node.text, nullptr, false);
    return node.value ? &*node.value : nullptr;
}

void JsonTreeModel::buildChildren(Node &node) const
{
    if (node.built)
        return;
    node.built = true;
    auto add = [&node](std::string key) -> Node & {
        auto child = std::make_unique<Node>();
        child->parent = &node;
        child->row = static_cast<int>(node.children.size());
        child->path = node.path + "/" + JsonPointer::escape(key);
        child->key = std::move(key);
        node.children.push_back(std::move(child));
        return *node.children.back();
    };
    if (node.members) {
        node.children.reserve(node.members->size());
        for (const auto &[name, text] : *node.members)
            add(name).text = text;
        return;
    }
    const nlohmann::json *value = valueOf(node);
    if (!value)
        return;
    if (value->is_object()) {
        for (const auto &[key, member] : value->items())
            add(key).value = member;
    } else if (value->is_array()) {
        for (size_t i = 0; i < value->size(); ++i)
            add(std::to_string(i)).value = (*value)[i];
    }
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeOf(parent);
    buildChildren(*node);
    if (row >= static_cast<int>(node->children.size()))
        return {};
    return createIndex(row, column, node->children[static_cast<size_t>(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *node = nodeOf(child);
    if (!node->parent || node->parent == m_root.get())
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    Node *node = nodeOf(parent);
    buildChildren(*node);
    return static_cast<int>(node->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    Node *node = nodeOf(parent);
    if (node->built)
        return !node->children.empty();
    if (node->members)
        return !node->members->empty();
    if (!node->value && node->text) {
        // Without parsing: "{" or "[" with something inside.
        const std::string &t = *node->text;
        return t.size() > 2 && (t.front() == '{' || t.front() == '[');
    }
    const nlohmann::json *value = valueOf(*node);
    return value && value->is_structured() && !value->empty();
}

JsonTreeModel::Change JsonTreeModel::changeOf(const Node &node) const
{
    if (m_changed.empty() || node.path.empty())
        return Change::None;
    if (m_changed.count(node.path))
        return Change::Changed;
    const auto after = m_changed.lower_bound(node.path + "/");
    if (after != m_changed.end() && after->first.rfind(node.path + "/", 0) == 0)
        return Change::Inside;
    // A change of a whole member above this one (a stream's first event, say).
    for (const Node *up = node.parent; up && !up->path.empty(); up = up->parent)
        if (m_changed.count(up->path))
            return Change::Changed;
    return Change::None;
}

JsonTreeModel::Change JsonTreeModel::changeOf(const QModelIndex &index) const
{
    return index.isValid() ? changeOf(*nodeOf(index)) : Change::None;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    Node &node = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Key:
            return QString::fromStdString(node.key);
        case Value: {
            if (node.members)
                return tr("%n member(s)", nullptr, static_cast<int>(node.members->size()));
            const nlohmann::json *value = valueOf(node);
            if (!value)
                return {};
            if (role == Qt::ToolTipRole) {
                QString text = QString::fromStdString(value->dump(2));
                return text.size() > 4000 ? text.left(4000) + QStringLiteral("\n…") : text;
            }
            return summary(*value);
        }
        case Before: {
            const auto it = m_changed.find(node.path);
            if (it == m_changed.end())
                return {};
            return it->second ? summary(*it->second) : tr("(none)");
        }
        }
        break;
    case Qt::FontRole:
        if (index.column() == Value && changeOf(node) == Change::Changed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::BackgroundRole:
        switch (changeOf(node)) {
        case Change::Changed:
            if (m_onlyHere.isValid()) {
                const auto it = m_changed.find(node.path);
                if (it != m_changed.end() && !it->second)
                    return QBrush(m_onlyHere);
            }
            return QBrush(Palette::current().matchTint);
        case Change::Inside:
            return QBrush(Palette::current().matchTintFaint);
        case Change::None:
            break;
        }
        break;
    case PathRole:
        return QString::fromStdString(node.path);
    case JsonRole: {
        if (node.members)
            return {};
        const nlohmann::json *value = valueOf(node);
        return value ? QString::fromStdString(value->dump(2)) : QVariant();
    }
    case ChangedRole:
        return static_cast<int>(changeOf(node));
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Key");
    case Value:
        return tr("Value");
    case Before:
        return m_otherTitle.isEmpty() ? tr("Before") : m_otherTitle;
    }
    return {};
}

void JsonTreeModel::setOtherSide(const QString &title, const QColor &onlyHere)
{
    m_otherTitle = title;
    m_onlyHere = onlyHere;
    emit headerDataChanged(Qt::Horizontal, Before, Before);
}

QModelIndex JsonTreeModel::indexOfPath(const std::string &pointer)
{
    if (pointer.empty() || pointer[0] != '/')
        return {};
    QModelIndex current;
    size_t at = 1;
    while (at <= pointer.size()) {
        const size_t end = std::min(pointer.find('/', at), pointer.size());
        const std::string token = pointer.substr(at, end - at);
        Node *node = nodeOf(current);
        buildChildren(*node);
        const std::string wanted = node->path + "/" + token;
        int row = -1;
        for (const auto &child : node->children)
            if (child->path == wanted) {
                row = child->row;
                break;
            }
        if (row < 0)
            return {};
        current = index(row, 0, current);
        at = end + 1;
    }
    return current;
}

} // namespace Chronoscope
