#pragma once

#include "base/breakpoint.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace Chronoscope {

class BreakpointTableModel;

/// The breakpoints panel: the list (enable with the check box, Delete removes) and a row to add
/// one: its kind, and a glob or a JavaScript expression.
class BreakpointsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BreakpointsPanel(QWidget *parent = nullptr);

    BreakpointTableModel *model() const { return m_model; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *patternEdit() const { return m_pattern; }

signals:
    void addRequested(Chronoscope::Breakpoint::Kind kind, const QString &pattern);
    void removeRequested(qint64 id);
    void enabledChanged(qint64 id, bool enabled);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void add();

    BreakpointTableModel *m_model;
    QTableView *m_view;
    QComboBox *m_kind;
    QLineEdit *m_pattern;
};

} // namespace Chronoscope
