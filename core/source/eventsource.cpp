#include "source/eventsource.h"

#include "source/natssource.h"
#include "source/postgressource.h"
#include "source/sourcespec.h"

namespace Chronoscope {

int64_t EventSource::count(int64_t after, int64_t through)
{
    int64_t events = 0;
    while (after < through) {
        const SourceRead page = read(after, through, 1000);
        events += static_cast<int64_t>(page.events.size());
        if (page.through <= after)
            break;
        after = page.through;
    }
    return events;
}

std::unique_ptr<EventSource>
openSource(const SourceSpec &spec, const SourceSlice &slice, const SourceOptions &options)
{
    if (spec.kind == SourceSpec::Kind::Nats)
        return std::make_unique<NatsSource>(spec, slice, options);
    return std::make_unique<PostgresSource>(spec, slice, options);
}

} // namespace Chronoscope
