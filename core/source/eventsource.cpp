#include "source/eventsource.h"

#include "source/natssource.h"
#include "source/postgressource.h"
#include "source/sourcespec.h"

namespace Chronoscope {

std::unique_ptr<EventSource> openSource(const SourceSpec &spec,
                                        const SourceSlice &slice,
                                        const SourceOptions &options)
{
    if (spec.kind == SourceSpec::Kind::Nats)
        return std::make_unique<NatsSource>(spec, slice, options);
    return std::make_unique<PostgresSource>(spec, slice, options);
}

} // namespace Chronoscope
