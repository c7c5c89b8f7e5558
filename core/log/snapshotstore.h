#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// Replayed states stored in the log, per model hash, as a chain: every `interval` events, the
/// states of the streams that changed since the previous link and all projection views,
/// compressed. The history is immutable, so a stored state stays true until the model changes;
/// storing another model removes the states of the old one.
class SnapshotStore
{
public:
    /// How often the commands and the window store replayed states: every 16,384 events.
    static constexpr int64_t kInterval = 16384;

    /// One link: JSON objects as text, name → state.
    struct Link
    {
        int64_t seq = 0;
        std::string streams = "{}";     ///< the streams changed since the previous link
        std::string projections = "{}"; ///< every view
    };
    /// Builds the text of a link's object from names and JSON texts.
    static void appendMember(std::string &object, const std::string &name, const std::string &json);

    SnapshotStore(EventLog &log, std::string modelHash);

    const std::string &modelHash() const { return m_modelHash; }
    /// The seq of the last stored link (0: none).
    int64_t lastSeq();
    /// The links after `afterSeq` up to `upToSeq`, in order.
    std::vector<Link> read(int64_t afterSeq, int64_t upToSeq);
    /// Stores links in one transaction; links another process stored already are kept.
    void write(const std::vector<Link> &links);
    /// Bytes the stored links take, compressed.
    int64_t storedBytes();

    /// Hands out a link's states, name and JSON text, streams first.
    enum class Part { Stream, Projection };
    using Visitor = std::function<void(Part part, std::string name, std::string json)>;
    static void visit(const Link &link, const Visitor &visit);
    /// What is stored for one model.
    struct Summary
    {
        std::string modelHash;
        int64_t links = 0;
        int64_t firstSeq = 0;
        int64_t lastSeq = 0;
        int64_t bytes = 0; ///< compressed
    };
    /// Every model's stored states, the most recently stored first.
    static std::vector<Summary> summaries(EventLog &log);
    /// Removes every stored state (main's replay changed: a merge).
    static void removeAll(EventLog &log);
    /// Removes the stored states of every model but `keepHash`.
    static void removeOtherModels(EventLog &log, const std::string &keepHash);

private:
    EventLog &m_log;
    std::string m_modelHash;
};

} // namespace Chronoscope
