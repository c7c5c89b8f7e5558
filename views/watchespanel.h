#pragma once

#include <QWidget>

class QLineEdit;
class QTableView;

namespace Chronoscope {

class WatchTableModel;

/// The watches panel: JavaScript expressions over `event` and `state`, their values at the
/// replay's position, what changed since the previous one. Enter adds, Delete removes.
class WatchesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WatchesPanel(QWidget *parent = nullptr);

    WatchTableModel *model() const { return m_model; }
    QLineEdit *expressionEdit() const { return m_expression; }
    /// Shows an error about the expression being added.
    void setError(const QString &message);

signals:
    /// The user added `expression`; the owner checks it and sets the list.
    void addRequested(const QString &expression);
    void removeRequested(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    WatchTableModel *m_model;
    QTableView *m_view;
    QLineEdit *m_expression;
};

} // namespace Chronoscope
