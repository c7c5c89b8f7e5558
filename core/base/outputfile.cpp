#include "base/outputfile.h"

#include "base/error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace Chronoscope {

namespace fs = std::filesystem;

namespace {

bool sameFile(const fs::path &a, const fs::path &b)
{
    std::error_code ec;
    if (fs::equivalent(a, b, ec))
        return true;
    // A companion file that does not exist yet (a log without -wal) has no inode to compare.
    // weakly_canonical() leaves a relative path that does not exist relative: absolute first.
    const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec), ec);
    if (ec)
        return false;
    const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec), ec);
    return !ec && ca == cb;
}

std::string reason(int error)
{
    return std::strerror(error);
}

} // namespace

void OutputFile::refuseLogFiles(const std::string &path, const std::string &log)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        if (!sameFile(path, log + suffix))
            continue;
        throw Error::input(path + ": refusing to write over "
                           + (*suffix ? "a file of the log " + log : "the log itself")
                           + "; name another output file");
    }
}

OutputFile::OutputFile(const std::string &path, const std::vector<std::string> &protectedLogs)
    : m_path(path)
{
    if (path.empty())
        throw Error::input("the output file name is empty");
    for (const std::string &log : protectedLogs)
        refuseLogFiles(path, log);

    std::error_code ec;
    const fs::file_status status = fs::status(path, ec); // follows symlinks
    if (fs::is_directory(status) || (!path.empty() && path.back() == '/'))
        throw Error::input(path + ": is a directory; name a file to write");
    if (fs::is_fifo(status) || fs::is_character_file(status)) {
        m_stream = std::fopen(path.c_str(), "wb");
        if (!m_stream)
            throw Error::input(path + ": cannot write: " + reason(errno));
        return;
    }
    const fs::path folder = fs::absolute(fs::path(path), ec).parent_path();
    if (!fs::is_directory(folder, ec))
        throw Error::input(path + ": cannot write: the folder " + folder.string()
                           + " does not exist");

    m_saveFile = std::make_unique<QSaveFile>(QString::fromStdString(path));
    if (!m_saveFile->open(QIODevice::WriteOnly))
        throw Error::input(path + ": cannot write: " + m_saveFile->errorString().toStdString());
    const int fd = ::dup(m_saveFile->handle());
    if (fd < 0 || !(m_stream = ::fdopen(fd, "wb"))) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        m_saveFile->cancelWriting();
        throw Error::failed(path + ": cannot write: " + reason(error));
    }
}

OutputFile::~OutputFile()
{
    if (m_stream)
        std::fclose(m_stream);
    if (m_saveFile)
        m_saveFile->cancelWriting();
}

void OutputFile::write(const std::string &path,
                       std::string_view bytes,
                       const std::vector<std::string> &protectedLogs)
{
    OutputFile file(path, protectedLogs);
    if (std::fwrite(bytes.data(), 1, bytes.size(), file.stream()) != bytes.size())
        throw Error::failed(path + ": cannot write: " + reason(errno));
    file.commit();
}

void OutputFile::commit()
{
    if (!m_stream)
        throw Error::failed(m_path + ": written already");
    const bool flushed = std::fflush(m_stream) == 0 && !std::ferror(m_stream);
    const int error = errno;
    const bool closed = std::fclose(m_stream) == 0;
    m_stream = nullptr;
    if (!flushed || !closed) {
        if (m_saveFile)
            m_saveFile->cancelWriting();
        throw Error::failed(m_path + ": cannot write: " + reason(flushed ? errno : error));
    }
    if (m_saveFile && !m_saveFile->commit())
        throw Error::failed(m_path + ": cannot write: " + m_saveFile->errorString().toStdString());
    m_saveFile.reset();
}

} // namespace Chronoscope
