#pragma once

#include <cstdint>
#include <string>

namespace Chronoscope::Bench {

/// Reading a live store: the shop history of `events` events written into Message DB on a
/// throwaway PostgreSQL server of the bench's own (tests/sources/servers.h), imported, and
/// followed while a writer appends — each figure beside what libpq alone does in the same run.
void runSourceBenchmarks(int64_t events, const std::string &directory);

} // namespace Chronoscope::Bench
