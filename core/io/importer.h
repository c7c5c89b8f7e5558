#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

enum class ImportFormat { Auto, Jsonl, CloudEvents };
enum class OnError { Abort, Skip };

/// A problem with one place of an input file, printed as "FILE:LINE: message".
struct ImportIssue
{
    std::string file;
    int64_t line = 0;
    std::string message;
    int64_t column = 0; ///< 0 when the problem is the whole line or object

    /// "FILE:LINE:COLUMN: message" (without the parts that are not known).
    std::string text() const;
};

struct ImportProgress
{
    size_t fileIndex = 0;
    size_t fileCount = 0;
    uint64_t bytesDone = 0;  ///< over all files
    uint64_t bytesTotal = 0; ///< over all files
    int64_t events = 0;
};

struct ImportOptions
{
    ImportFormat format = ImportFormat::Auto;
    OnError onError = OnError::Abort;
    /// Called about every thousand events from the importing thread; return false to cancel.
    std::function<bool(const ImportProgress &)> progress;
};

struct ImportReport
{
    int64_t imported = 0;
    int64_t firstSeq = 0; ///< 0 when nothing was imported
    int64_t lastSeq = 0;
    std::vector<ImportIssue> skipped;
    std::vector<ImportIssue> warnings;
    /// The format each file was read as, in the order given.
    std::vector<ImportFormat> formats;
};

/// Imports canonical JSON Lines and CloudEvents JSON files into a log, all files in one
/// transaction: either every event is written, or — on an error with OnError::Abort, a
/// cancellation or a crash — nothing is. Framing (one object, an array of objects, or one object
/// per line) and format are detected per file; the format can be forced.
///
/// With OnError::Abort the first bad place throws Error (kind Input) whose message is
/// "FILE:LINE: what is wrong"; with OnError::Skip bad places are listed in the report and the
/// rest is imported. Runs on the calling thread.
class Importer
{
public:
    Importer(EventLog &log, ImportOptions options);
    ~Importer();

    ImportReport run(const std::vector<std::string> &files);

private:
    class Run;
    EventLog &m_log;
    ImportOptions m_options;
};

const char *formatName(ImportFormat format);

} // namespace Chronoscope
