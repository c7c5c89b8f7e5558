#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QListWidget;

namespace Chronoscope {

/// Ctrl+Shift+P: every action of the window, filtered as you type (all words must occur), with
/// its shortcut; Enter triggers the selected one.
class CommandPalette : public QDialog
{
    Q_OBJECT

public:
    CommandPalette(const QList<QAction *> &actions, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *list() const { return m_list; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void triggerCurrent();

    QList<QAction *> m_actions;
    QLineEdit *m_filter;
    QListWidget *m_list;
};

} // namespace Chronoscope
