#pragma once

#include "replay/persistentmap.h"
#include "replay/persistentvector.h"
#include "replay/streamnames.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Chronoscope {

/// A JSON value as minified text, immutable and shared. States keep their values as text: it is
/// five times smaller than a parsed tree, and models read and write text anyway.
using JsonString = std::shared_ptr<const std::string>;
inline JsonString makeJsonString(std::string text)
{
    return std::make_shared<const std::string>(std::move(text));
}

/// The replayed state at one point of a history: `{"streams": {STREAM: state, …},
/// "projections": {NAME: view, …}}`. Copies are cheap and share every stream's
/// state, so a snapshot is a copy. A stored value is never changed: replacing it stores a new
/// one.
///
/// Streams are kept by number (StreamNames, shared with every copy) in a PersistentVector:
/// a replay touches mostly the streams it met last, so a copy taken every few hundred events
/// costs a few leaf copies, where a map hashed by name would copy a path per event.
class State
{
public:
    /// The state of a stream, parsed; nullopt before its first event.
    std::optional<nlohmann::json> stream(const std::string &name) const;
    JsonString streamText(const std::string &name) const;
    void setStream(const std::string &name, JsonString state);
    /// A stream's number in this state, numbering it when it is new: reading and replacing a
    /// stream's state by number looks its name up once.
    uint32_t streamSlot(const std::string &name);
    JsonString streamText(uint32_t slot) const;
    void setStream(uint32_t slot, JsonString state);
    std::optional<nlohmann::json> projection(const std::string &name) const;
    JsonString projectionText(const std::string &name) const;
    void setProjection(const std::string &name, JsonString view);

    size_t streamCount() const { return m_streamCount; }

    enum class Section { Streams, Projections };
    using Members = std::vector<std::pair<std::string, JsonString>>;
    /// The streams' states or the projections' views, sorted by name.
    Members sortedMembers(Section section) const;
    /// The member `name` of sorted members, or null.
    static JsonString find(const Members &members, const std::string &name);
    /// Visits every stream's state, in no particular order.
    void
    forEachStream(const std::function<void(const std::string &, const JsonString &)> &visit) const;
    /// Visits every projection's view.
    void forEachProjection(
            const std::function<void(const std::string &, const JsonString &)> &visit) const
    {
        m_projections.forEach(visit);
    }

    /// The whole state as one JSON document, keys sorted.
    nlohmann::json toJson() const;
    /// The value at a JSON Pointer ("/streams/order-31/total"), without building the whole
    /// document; nullopt when nothing is there. Throws Error (Input) for a malformed pointer.
    std::optional<nlohmann::json> at(const std::string &pointer) const;

private:
    nlohmann::json streamsObject() const;
    nlohmann::json projectionsObject() const;

    std::shared_ptr<StreamNames> m_names = std::make_shared<StreamNames>();
    PersistentVector<JsonString> m_streams; // by number
    size_t m_streamCount = 0;
    PersistentMap<JsonString> m_projections;
};

} // namespace Chronoscope
