#pragma once

#include <string>

namespace Chronoscope::JsonPointer {

/// One reference token of a JSON Pointer (RFC 6901), escaped: '~' as "~0", '/' as "~1".
std::string escape(const std::string &token);
/// The reverse of escape().
std::string unescape(const std::string &token);

} // namespace Chronoscope::JsonPointer
