#include "replay/streamnames.h"

#include "base/stringhash.h"

#include <mutex>

namespace Chronoscope {

namespace {

constexpr uint64_t kTagMask = 0xffffffff00000000ULL;

} // namespace

size_t StreamNames::slotOf(std::string_view name, uint64_t hash) const
{
    const size_t mask = m_slots.size() - 1;
    const uint64_t tag = hash & kTagMask;
    for (size_t i = (tag >> 32) & mask;; i = (i + 1) & mask) {
        const uint64_t slot = m_slots[i];
        if (slot == 0)
            return i;
        if ((slot & kTagMask) == tag && m_names[(slot & ~kTagMask) - 1] == name)
            return i;
    }
}

uint32_t StreamNames::find(std::string_view name) const
{
    std::shared_lock lock(m_mutex);
    const uint64_t slot = m_slots[slotOf(name, mixedHash(name))];
    return slot == 0 ? kNone : static_cast<uint32_t>((slot & ~kTagMask) - 1);
}

uint32_t StreamNames::intern(std::string_view name)
{
    const uint64_t hash = mixedHash(name);
    std::unique_lock lock(m_mutex);
    size_t i = slotOf(name, hash);
    if (m_slots[i] != 0)
        return static_cast<uint32_t>((m_slots[i] & ~kTagMask) - 1);
    if (2 * (m_names.size() + 1) > m_slots.size()) {
        grow();
        i = slotOf(name, hash);
    }
    m_names.emplace_back(name);
    m_slots[i] = (hash & kTagMask) | m_names.size();
    return static_cast<uint32_t>(m_names.size() - 1);
}

void StreamNames::grow()
{
    std::vector<uint64_t> old(m_slots.size() * 2, 0);
    old.swap(m_slots);
    const size_t mask = m_slots.size() - 1;
    for (const uint64_t slot : old) {
        if (slot == 0)
            continue;
        size_t i = (slot >> 32) & mask; // the tag is where the slot goes: no name is hashed again
        while (m_slots[i] != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

std::string StreamNames::name(uint32_t id) const
{
    std::shared_lock lock(m_mutex);
    return m_names.at(id);
}

size_t StreamNames::size() const
{
    std::shared_lock lock(m_mutex);
    return m_names.size();
}

} // namespace Chronoscope
