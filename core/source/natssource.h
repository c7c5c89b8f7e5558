#pragma once

#include "source/eventsource.h"
#include "source/sourceslice.h"

#include <memory>
#include <optional>

struct __natsConnection;
struct __natsSubscription;
struct __natsMsg;
struct __jsCtx;

namespace simdjson::dom {
class parser;
}

namespace Chronoscope {

/// A NATS JetStream stream read through an ordered consumer: ephemeral, without
/// acknowledgements, delivering in the stream's order from a sequence on — the server's own
/// read-only way to replay a stream. The stream's sequence is the position.
///
/// The slice's stream glob becomes the consumer's subject filter where NATS can say it (a plain
/// subject, or `prefix.*`, which is NATS `prefix.>`); the rest of the slice is applied here.
/// JetStream assigns a sequence when it stores a message, so the head is always final.
class NatsSource final : public EventSource
{
public:
    NatsSource(const SourceSpec &spec, const SourceSlice &slice, const SourceOptions &options);
    ~NatsSource() override;

    const std::string &uri() const override { return m_uri; }
    int64_t head(std::vector<std::string> &warnings) override;
    bool settling() const override { return false; }
    SourceRead read(int64_t after, int64_t through, size_t max) override;

private:
    void connect(const std::string &url);
    void close();
    void subscribe(int64_t after);
    void unsubscribe();
    bool allTaken();
    bool matches(const Event &event) const;
    SourceEvent map(__natsMsg *message, int64_t sequence, int64_t nanos);
    [[noreturn]] void fail(int status, const std::string &what) const;

    std::string m_uri;
    std::string m_stream;
    std::string m_subjectFilter; ///< empty: the whole stream
    bool m_filteredOnServer = false;
    SourceSlice m_slice;
    __natsConnection *m_connection = nullptr;
    __jsCtx *m_js = nullptr;
    __natsSubscription *m_subscription = nullptr;
    int64_t m_delivered = 0;     ///< the last stream sequence the subscription delivered
    uint64_t m_taken = 0;        ///< the consumer sequence of the last message taken
    __natsMsg *m_held = nullptr; ///< a message past the last read's end, for the next one
    /// Behind a pointer: the parser's layout depends on how simdjson was configured, which
    /// only this library's sources know.
    std::unique_ptr<simdjson::dom::parser> m_parser;
};

} // namespace Chronoscope
