#include "gotoevent.h"

#include "base/error.h"
#include "base/timestamp.h"
#include "history/revision.h"
#include "log/eventlog.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace Chronoscope {

std::optional<int64_t> GoToEvent::ask(QWidget *parent, EventLog &log, int64_t head)
{
    bool ok = false;
    const QString text
            = QInputDialog::getText(parent,
                                    tr("Go to Event"),
                                    tr("Event seq, event id, or a time (2018-02-01T00:00:00Z):"),
                                    QLineEdit::Normal,
                                    QString(),
                                    &ok)
                      .trimmed();
    if (!ok || text.isEmpty())
        return std::nullopt;
    int64_t seq = -1;
    bool isNumber = false;
    const qlonglong number = text.toLongLong(&isNumber);
    try {
        if (isNumber) {
            seq = number;
        } else if (const auto event = log.eventById(text.toStdString())) {
            seq = event->seq;
        } else if (Timestamp::parseDateOrTime(text.toStdString())) {
            seq = resolveRevision(log, Revision::parse("main@" + text.toStdString()));
        }
    } catch (const Error &e) {
        QMessageBox::warning(parent, tr("Go to Event"), QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    if (seq < 0 || seq > head) {
        QMessageBox::warning(
                parent, tr("Go to Event"), tr("There is no event \"%1\" in this log.").arg(text));
        return std::nullopt;
    }
    return seq;
}

} // namespace Chronoscope
