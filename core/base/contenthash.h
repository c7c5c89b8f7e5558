#pragma once

#include <string>

namespace Chronoscope {

/// The SHA-256 of a text in lowercase hex: how a log names a model source (and checks it).
std::string contentHash(const std::string &text);

} // namespace Chronoscope
