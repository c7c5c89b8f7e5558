#pragma once

#include <QString>

namespace Chronoscope::SampleLog {

/// The path of the user's copy of the bundled shop sample log, copied out of the application's
/// resources on first use (the log is opened for writing, so it cannot stay in the resources).
/// Returns an empty string when the copy cannot be written.
QString path();

} // namespace Chronoscope::SampleLog
