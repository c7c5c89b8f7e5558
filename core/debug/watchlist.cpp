#include "debug/watchlist.h"

#include "base/error.h"

namespace Chronoscope {

WatchList::WatchList(ExpressionEngine &engine)
    : m_engine(engine)
{}

void WatchList::add(const std::string &expression)
{
    m_ids.push_back(m_engine.compile(expression));
    m_watches.push_back({expression, std::nullopt, {}, false});
}

void WatchList::remove(size_t index)
{
    if (index >= m_watches.size())
        return;
    m_watches.erase(m_watches.begin() + static_cast<std::ptrdiff_t>(index));
    m_ids.erase(m_ids.begin() + static_cast<std::ptrdiff_t>(index));
}

void WatchList::update(const Event *event, const State &state)
{
    for (size_t i = 0; i < m_watches.size(); ++i) {
        Watch &watch = m_watches[i];
        std::optional<nlohmann::json> value;
        std::string error;
        try {
            value = m_engine.value(m_ids[i], event, state);
        } catch (const Error &e) {
            error = e.what();
        }
        // An error is an error wherever it happens: its text names the event.
        watch.changed = value.has_value() != watch.value.has_value()
                        || (value && !ExpressionEngine::same(*value, *watch.value))
                        || error.empty() != watch.error.empty();
        watch.value = std::move(value);
        watch.error = std::move(error);
    }
}

} // namespace Chronoscope
