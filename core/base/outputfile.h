#pragma once

#include <QSaveFile>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Chronoscope {

/// A file a command writes its output to (`export -o`, `graph -o`, the window's exports), written
/// so that nothing the user had is lost:
///
/// - the output may never be a log it protects, nor one of that log's -wal, -shm or -journal
///   files, whatever the spelling (symlinks, `..`, hard links: compared by inode too): the
///   constructor throws Error (Input) and touches nothing;
/// - a regular file (or a new one) is replaced atomically on commit(): the text goes to an
///   unnamed temporary file beside it (QSaveFile), so a failed or killed write leaves the old
///   file as it was and no temporary file behind; the file keeps its mode, and a symlink is
///   written through to its target;
/// - a FIFO or a character device (`/dev/stdout`) is written directly;
/// - a directory, or a path in a folder that does not exist, is refused with a message that
///   says so.
///
/// Not copyable; not thread-safe. Destroying an OutputFile that was not committed discards what
/// was written.
class OutputFile
{
public:
    OutputFile(const std::string &path, const std::vector<std::string> &protectedLogs);
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    /// The stream to write to; valid until commit().
    std::FILE *stream() { return m_stream; }
    /// Writes everything to the file; throws Error (Failed) naming the file when it cannot.
    void commit();

    /// Writes `bytes` to `path` in one go, the same way.
    static void write(const std::string &path,
                      std::string_view bytes,
                      const std::vector<std::string> &protectedLogs);
    /// Throws Error (Input) when writing `path` would write over `log` or one of its companion
    /// files (-wal, -shm, -journal).
    static void refuseLogFiles(const std::string &path, const std::string &log);

private:
    std::string m_path;
    std::unique_ptr<QSaveFile> m_saveFile; // for regular files; null when writing directly
    std::FILE *m_stream = nullptr;
};

} // namespace Chronoscope
