#pragma once

#include "base/event.h"
#include "debug/causality.h"
#include "replay/model.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class QTreeView;
class QTreeWidget;
class QTreeWidgetItem;

namespace Chronoscope {

class JsonTreeModel;

/// Everything about one event: its fields, data and metadata as a tree and as raw JSON, its
/// result, the stored payload beside the upcast one when they differ, the rule versions and
/// gateway calls of its step, and its causes and effects.
class EventInspector : public QWidget
{
    Q_OBJECT

public:
    /// What the inspector shows. The step's trace is known only for the event the replay stands
    /// on.
    struct Details
    {
        Event event;
        std::string upcastEvent; ///< canonical JSON as reducers saw it; empty when unchanged
        std::optional<StepTrace> trace;
        bool ignored = false;
        Causality causality;
    };

    explicit EventInspector(QWidget *parent = nullptr);

    void show(const Details &details);
    void clear();
    JsonTreeModel *fieldsModel() const { return m_fields; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    /// A cause or an effect was activated.
    void eventRequested(qint64 seq);

private:
    QString stepHtml(const Details &details) const;
    QTreeWidgetItem *eventItem(const Event &event) const;

    QLabel *m_title;
    QTabWidget *m_tabs;
    JsonTreeModel *m_fields;
    QTreeView *m_fieldsView;
    QPlainTextEdit *m_raw;
    QPlainTextEdit *m_upcast;
    QLabel *m_upcastLabel;
    QTextBrowser *m_step;
    QTreeWidget *m_causality;
};

} // namespace Chronoscope
