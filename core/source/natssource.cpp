#include "source/natssource.h"

#include "base/error.h"
#include "base/eventfilter.h"
#include "io/mappedevent.h"
#include "source/sourcespec.h"

#include <nats/nats.h>
#include <simdjson.h>

#include <QByteArray>
#include <QString>

namespace Chronoscope {

namespace {

constexpr int64_t kDeliveryTimeoutMs = 5000;

std::string statusText(natsStatus status)
{
    const char *last = nats_GetLastError(nullptr);
    return std::string(natsStatus_GetText(status))
           + (last && *last ? std::string(": ") + last : "");
}

bool hasWildcard(const std::string &glob)
{
    return glob.find_first_of("*?[") != std::string::npos;
}

// The subject filter NATS can apply for a stream glob, or empty when only a client-side match
// can say it.
std::string subjectFor(const std::string &glob)
{
    if (!hasWildcard(glob))
        return glob;
    if (glob.size() > 2 && glob.ends_with(".*") && !hasWildcard(glob.substr(0, glob.size() - 2)))
        return glob.substr(0, glob.size() - 1) + ">";
    return {};
}

std::optional<std::string> header(natsMsg *message, const std::initializer_list<const char *> &keys)
{
    for (const char *key : keys) {
        const char *value = nullptr;
        if (natsMsgHeader_Get(message, key, &value) == NATS_OK && value)
            return std::string(value);
    }
    return std::nullopt;
}

} // namespace

NatsSource::NatsSource(const SourceSpec &spec, const SourceSlice &slice, const SourceOptions &)
    : m_uri(spec.uri)
    , m_stream(spec.parameter("stream"))
    , m_slice(slice)
    , m_parser(std::make_unique<simdjson::dom::parser>())
{
    m_subjectFilter = spec.parameter("subject");
    if (m_slice.stream && m_subjectFilter.empty()) {
        m_subjectFilter = subjectFor(*m_slice.stream);
        m_filteredOnServer = !m_subjectFilter.empty() && !hasWildcard(*m_slice.stream);
    }
    try {
        connect(spec.connection);
    } catch (...) {
        close(); // a constructor that throws runs no destructor
        throw;
    }
}

void NatsSource::connect(const std::string &url)
{
    natsOptions *options = nullptr;
    natsStatus s = natsOptions_Create(&options);
    if (s == NATS_OK)
        s = natsOptions_SetURL(options, url.c_str());
    if (s == NATS_OK)
        s = natsOptions_SetTimeout(options, 5000);
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(options, 0);
    if (s == NATS_OK)
        s = natsConnection_Connect(&m_connection, options);
    natsOptions_Destroy(options);
    if (s != NATS_OK)
        throw Error::input(m_uri + ": cannot connect: " + statusText(s));
    s = natsConnection_JetStream(&m_js, m_connection, nullptr);
    if (s != NATS_OK)
        fail(s, "cannot open JetStream");
    // The stream must exist; a consumer needs a subject, so without a filter it takes the
    // stream's own (">" when the stream has several: every subject).
    jsStreamInfo *info = nullptr;
    s = js_GetStreamInfo(&info, m_js, m_stream.c_str(), nullptr, nullptr);
    if (s == NATS_NOT_FOUND)
        throw Error::input(m_uri + ": there is no JetStream stream \"" + m_stream + "\"");
    if (s != NATS_OK)
        fail(s, "cannot read the stream's state");
    if (m_subjectFilter.empty())
        m_subjectFilter = info->Config->SubjectsLen == 1 ? info->Config->Subjects[0] : ">";
    jsStreamInfo_Destroy(info);
}

NatsSource::~NatsSource()
{
    close();
}

void NatsSource::close()
{
    unsubscribe();
    jsCtx_Destroy(m_js);
    m_js = nullptr;
    natsConnection_Destroy(m_connection);
    m_connection = nullptr;
}

void NatsSource::fail(int status, const std::string &what) const
{
    const auto s = static_cast<natsStatus>(status);
    const std::string message = m_uri + ": " + what + ": " + statusText(s);
    if (s == NATS_CONNECTION_CLOSED || s == NATS_CONNECTION_DISCONNECTED || s == NATS_IO_ERROR
        || s == NATS_STALE_CONNECTION)
        throw Error::failed(message);
    throw Error::input(message);
}

int64_t NatsSource::head(std::vector<std::string> &)
{
    jsStreamInfo *info = nullptr;
    jsErrCode code = static_cast<jsErrCode>(0);
    const natsStatus s = js_GetStreamInfo(&info, m_js, m_stream.c_str(), nullptr, &code);
    if (s == NATS_NOT_FOUND)
        throw Error::input(m_uri + ": there is no JetStream stream \"" + m_stream + "\"");
    if (s != NATS_OK)
        fail(s, "cannot read the stream's state");
    const auto last = static_cast<int64_t>(info->State.LastSeq);
    jsStreamInfo_Destroy(info);
    return last;
}

void NatsSource::subscribe(int64_t after)
{
    unsubscribe();
    jsSubOptions options;
    jsSubOptions_Init(&options);
    options.Stream = m_stream.c_str();
    options.Ordered = true;
    options.Config.DeliverPolicy = js_DeliverByStartSequence;
    options.Config.OptStartSeq = static_cast<uint64_t>(after + 1);
    if (after == 0 && m_slice.since) {
        options.Config.DeliverPolicy = js_DeliverByStartTime;
        options.Config.OptStartSeq = 0;
        options.Config.OptStartTime = *m_slice.since * 1000;
    }
    jsErrCode code = static_cast<jsErrCode>(0);
    const natsStatus s = js_SubscribeSync(
            &m_subscription, m_js, m_subjectFilter.c_str(), nullptr, &options, &code);
    if (s != NATS_OK) {
        m_subscription = nullptr;
        fail(s, "cannot read the stream");
    }
    m_delivered = after;
    m_taken = 0;
}

void NatsSource::unsubscribe()
{
    if (m_held) {
        natsMsg_Destroy(m_held);
        m_held = nullptr;
    }
    if (m_subscription) {
        natsSubscription_Unsubscribe(m_subscription);
        natsSubscription_Destroy(m_subscription);
        m_subscription = nullptr;
    }
}

// Whether every message of the filter stored now has been taken from the subscription: none
// left on the server, none queued here, none sent and still on the way.
bool NatsSource::allTaken()
{
    jsConsumerInfo *info = nullptr;
    const natsStatus s = natsSubscription_GetConsumerInfo(&info, m_subscription, nullptr, nullptr);
    if (s != NATS_OK)
        fail(s, "cannot read the consumer's state");
    const bool nonePending = info->NumPending == 0;
    const uint64_t sent = info->Delivered.Consumer;
    jsConsumerInfo_Destroy(info);
    int queued = 0;
    natsSubscription_GetPending(m_subscription, &queued, nullptr);
    return nonePending && queued == 0 && sent <= m_taken;
}

SourceRead NatsSource::read(int64_t after, int64_t through, size_t max)
{
    if (!m_subscription || after != m_delivered)
        subscribe(after);
    SourceRead read;
    read.through = through;
    bool caughtUp = true; // at the start, or the last message said none was pending
    for (;;) {
        natsMsg *message = m_held;
        m_held = nullptr;
        if (!message) {
            if (caughtUp && allTaken())
                return read; // everything of the filter up to now is read
            const natsStatus s
                    = natsSubscription_NextMsg(&message, m_subscription, kDeliveryTimeoutMs);
            if (s == NATS_TIMEOUT)
                throw Error::failed(m_uri + ": the server stopped delivering the stream after "
                                    + std::to_string(m_delivered));
            if (s != NATS_OK)
                fail(s, "cannot read the stream");
        }
        jsMsgMetaData *meta = nullptr;
        if (const natsStatus s = natsMsg_GetMetaData(&meta, message); s != NATS_OK) {
            natsMsg_Destroy(message);
            fail(s, "a message without JetStream metadata");
        }
        const auto sequence = static_cast<int64_t>(meta->Sequence.Stream);
        m_taken = meta->Sequence.Consumer;
        const int64_t nanos = meta->Timestamp;
        const uint64_t pending = meta->NumPending;
        jsMsgMetaData_Destroy(meta);
        if (sequence > through) {
            m_held = message; // appended after the head this read was asked for
            return read;
        }
        m_delivered = sequence;
        SourceEvent event = map(message, sequence, nanos);
        natsMsg_Destroy(message);
        if (matches(event.mapped.event))
            read.events.push_back(std::move(event));
        if (read.events.size() == max) {
            read.through = sequence;
            return read;
        }
        if (sequence == through)
            return read;
        caughtUp = pending == 0;
    }
}

bool NatsSource::matches(const Event &e) const
{
    if (m_slice.stream && !m_filteredOnServer
        && !EventFilter::globMatches(*m_slice.stream, e.stream))
        return false;
    if (m_slice.type && !EventFilter::globMatches(*m_slice.type, e.type))
        return false;
    if (m_slice.correlation && e.correlationId != m_slice.correlation)
        return false;
    if (m_slice.since && e.recordedAt < *m_slice.since)
        return false;
    if (m_slice.until && e.recordedAt >= *m_slice.until)
        return false;
    return true;
}

SourceEvent NatsSource::map(natsMsg *message, int64_t sequence, int64_t nanos)
{
    SourceEvent out;
    out.position = sequence;
    MappedEvent &m = out.mapped;
    Event &e = m.event;
    e.stream = natsMsg_GetSubject(message);
    e.recordedAt = nanos / 1000;
    e.id = header(message, {"Nats-Msg-Id", "ce-id"})
                   .value_or("nats:" + m_stream + ":" + std::to_string(sequence));
    e.source = header(message, {"ce-source"});
    e.correlationId = header(message, {"ce-correlationid", "Correlation-Id", "correlation-id"});
    out.causeId = header(message, {"ce-causationid", "Causation-Id", "causation-id"});

    const char *bytes = natsMsg_GetData(message);
    const auto length = static_cast<size_t>(natsMsg_GetDataLength(message));
    simdjson::dom::element data;
    std::optional<std::string> typeInData;
    if (length > 0 && !m_parser->parse(bytes, length).get(data)) {
        e.data = Mapping::text(data);
        std::string_view type;
        if (data.is_object() && !data["type"].get_string().get(type))
            typeInData = std::string(type);
    } else if (length > 0) {
        const QByteArray raw(bytes, static_cast<qsizetype>(length));
        const QString text = QString::fromUtf8(raw);
        if (text.toUtf8() == raw) {
            e.data = nlohmann::json(raw.toStdString()).dump();
        } else {
            e.data = nlohmann::json(raw.toBase64().toStdString()).dump();
            m.sourceFields["data_encoding"] = "base64";
        }
    }
    e.type = header(message, {"ce-type", "Type", "type"}).value_or(typeInData.value_or(e.stream));

    const char **keys = nullptr;
    int count = 0;
    nlohmann::ordered_json headers = nlohmann::ordered_json::object();
    if (natsMsgHeader_Keys(message, &keys, &count) == NATS_OK) {
        for (int i = 0; i < count; ++i) {
            const char **values = nullptr;
            int valueCount = 0;
            if (natsMsgHeader_Values(message, keys[i], &values, &valueCount) != NATS_OK)
                continue;
            if (valueCount == 1) {
                headers[keys[i]] = values[0];
            } else {
                auto list = nlohmann::ordered_json::array();
                for (int v = 0; v < valueCount; ++v)
                    list.push_back(values[v]);
                headers[keys[i]] = list;
            }
            free(values);
        }
        free(keys);
    }
    e.metadata = headers.dump();
    m.sourceFields["stream_sequence"] = sequence;
    return out;
}

} // namespace Chronoscope
