#pragma once

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace Chronoscope {

/// The names of the streams a replay meets, each numbered in the order it was first met (0, 1,
/// …). A state keeps its streams by number, so that the streams a replay touches together —
/// the young ones — sit together (see PersistentVector). Numbers never change.
///
/// Shared by a state and every copy of it (snapshots, the copies shown in the window), which
/// may be read in other threads while the replay adds names: every member is thread-safe.
class StreamNames
{
public:
    static constexpr uint32_t kNone = UINT32_MAX;

    /// The number of `name`, or kNone when it was never met.
    uint32_t find(std::string_view name) const;
    /// The number of `name`, numbering it first when it is new.
    uint32_t intern(std::string_view name);
    /// The name numbered `id`.
    std::string name(uint32_t id) const;
    size_t size() const;

private:
    // The slot of `name`: the one holding it, or the empty one where it would go.
    size_t slotOf(std::string_view name, uint64_t hash) const;
    void grow();

    mutable std::shared_mutex m_mutex;
    std::vector<std::string> m_names;
    // Open addressing: the upper half of a name's hash (the tag; its low bits pick the slot) and
    // the name's number + 1; 0 is an empty slot.
    std::vector<uint64_t> m_slots = std::vector<uint64_t>(64, 0);
};

} // namespace Chronoscope
