#pragma once

#include "source/sourceslice.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Chronoscope {

/// File › Connect to Event Store…: which store (Message DB, Marten, an events table, NATS
/// JetStream), its URI, a password that is used for this connection only, and the slice to
/// read. The URI and the times are checked as they are typed: where they do not parse the
/// dialog says why and Import stays disabled. Count asks the window how many events the slice
/// holds (countRequested); the answer comes back through showCount. Follow keeps the log
/// growing with what the store appends once it is open.
class SourceImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SourceImportDialog(const QString &uri, QWidget *parent = nullptr);

    /// The URI to connect with: as typed, with the password put in if one was given.
    QString connectionUri() const;
    /// The URI as typed, which never holds the password field's text.
    QString uri() const;
    SourceSlice slice() const;
    /// Keep following the store once the log is open.
    bool follow() const;

    /// `text`: "N events to import…", or why the store could not be counted.
    void showCount(const QString &text);

    QLineEdit *uriEdit() const { return m_uri; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *streamEdit() const { return m_stream; }
    QLineEdit *typeEdit() const { return m_type; }
    QLineEdit *sinceEdit() const { return m_since; }
    QLineEdit *untilEdit() const { return m_until; }
    QPushButton *countButton() const { return m_count; }
    QCheckBox *followBox() const { return m_follow; }
    QPushButton *importButton() const;
    /// Empty when the form is acceptable; else what is wrong with it.
    QString problem() const { return m_problem; }

signals:
    void countRequested();

private:
    void applyKind(int index);
    void validate();

    QComboBox *m_kind;
    QLineEdit *m_uri;
    QLineEdit *m_password;
    QLineEdit *m_stream;
    QLineEdit *m_type;
    QLineEdit *m_correlation;
    QLineEdit *m_since;
    QLineEdit *m_until;
    QCheckBox *m_follow;
    QPushButton *m_count;
    QLabel *m_countText;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};

} // namespace Chronoscope
