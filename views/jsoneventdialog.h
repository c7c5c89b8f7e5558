#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace Chronoscope {

/// Edits an event as canonical JSON, validating as you type: the text must be a JSON object
/// and, for a new event, have a string "type" and "stream". Where it is not, the dialog says
/// where (line and column) and OK stays disabled.
class JsonEventDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose { Insert, Replace };

    JsonEventDialog(Purpose purpose, const QString &title, const QString &text, QWidget *parent);

    QString json() const;
    QPlainTextEdit *editor() const { return m_editor; }
    /// Empty when the text is acceptable; else what is wrong with it.
    QString problem() const { return m_problem; }

private:
    void validate();

    Purpose m_purpose;
    QPlainTextEdit *m_editor;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};

} // namespace Chronoscope
