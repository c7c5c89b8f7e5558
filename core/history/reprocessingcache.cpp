#include "history/reprocessingcache.h"

namespace Chronoscope {

std::optional<ReprocessingCache::Result> ReprocessingCache::find(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    for (const auto &[k, value] : m_entries)
        if (k == key)
            return value;
    return std::nullopt;
}

void ReprocessingCache::store(const std::string &key, Result result)
{
    std::lock_guard lock(m_mutex);
    m_entries.emplace_front(key, std::move(result));
    if (m_entries.size() > kEntries)
        m_entries.pop_back();
}

} // namespace Chronoscope
