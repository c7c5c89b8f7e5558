#pragma once

#include <stdexcept>
#include <string>

namespace Chronoscope {

/// Every failure the core reports is an Error with a message a user can act on. The kind maps
/// onto the command-line exit codes of the contract: Input is bad usage or bad input (exit 2),
/// everything else is an operation that failed (exit 1).
class Error : public std::runtime_error
{
public:
    enum class Kind { Input, Conflict, NotFound, Failed };

    Error(Kind kind, const std::string &message)
        : std::runtime_error(message)
        , m_kind(kind)
    {}

    Kind kind() const { return m_kind; }
    int exitCode() const { return m_kind == Kind::Input ? 2 : 1; }

    static Error input(const std::string &message) { return Error(Kind::Input, message); }
    static Error conflict(const std::string &message) { return Error(Kind::Conflict, message); }
    static Error notFound(const std::string &message) { return Error(Kind::NotFound, message); }
    static Error failed(const std::string &message) { return Error(Kind::Failed, message); }

private:
    Kind m_kind;
};

} // namespace Chronoscope
