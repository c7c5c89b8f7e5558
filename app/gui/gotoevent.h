#pragma once

#include <QCoreApplication>

#include <cstdint>
#include <optional>

class QWidget;

namespace Chronoscope {

class EventLog;

/// The Go to Event dialog (Ctrl+G): asks for an event seq, an event id or a time and names the
/// event of main it means.
class GoToEvent
{
    Q_DECLARE_TR_FUNCTIONS(GoToEvent)

public:
    /// The seq asked for, at most `head`; nullopt when the user cancelled or the text names no
    /// event (then a message box has said why).
    static std::optional<int64_t> ask(QWidget *parent, EventLog &log, int64_t head);
};

} // namespace Chronoscope
