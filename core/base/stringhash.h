#pragma once

#include <cstdint>
#include <string_view>

namespace Chronoscope {

/// A 64-bit hash of a string for the state's own hash tables: FNV-1a, then a mixer, so that
/// every bit — the high ones a table may use as a tag, the low ones that pick a slot — depends
/// on every byte (std::hash is not promised to spread its bits).
inline uint64_t mixedHash(std::string_view text)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : text)
        h = (h ^ c) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

} // namespace Chronoscope
