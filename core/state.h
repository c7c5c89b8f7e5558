#pragma once

#include "persistentmap.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>

namespace Chronoscope {

using JsonPtr = std::shared_ptr<const nlohmann::json>;

/// The replayed state at one point of a history: `{"streams": {STREAM: state, …},
/// "projections": {NAME: view, …}}` (DESIGN.md). Copies are cheap and share every stream's
/// state, so a snapshot is a copy. A stream's state is immutable once stored: replacing it
/// stores a new value.
class State
{
public:
    /// The state of a stream, or nullptr before its first event.
    const nlohmann::json *stream(const std::string &name) const;
    JsonPtr streamPtr(const std::string &name) const;
    void setStream(const std::string &name, JsonPtr state);
    const nlohmann::json *projection(const std::string &name) const;
    JsonPtr projectionPtr(const std::string &name) const;
    void setProjection(const std::string &name, JsonPtr view);

    size_t streamCount() const { return m_streams.size(); }
    /// Every projection's view, by name.
    nlohmann::json projections() const;

    /// The whole state as one JSON document, keys sorted.
    nlohmann::json toJson() const;
    /// The value at a JSON Pointer ("/streams/order-31/total"), without building the whole
    /// document; nullopt when nothing is there. Throws Error (Input) for a malformed pointer.
    std::optional<nlohmann::json> at(const std::string &pointer) const;

private:
    PersistentMap<JsonPtr> m_streams;
    PersistentMap<JsonPtr> m_projections;
};

} // namespace Chronoscope
