#include "eventfilter.h"

#include "event.h"

#include <sqlite3.h>

namespace Chronoscope {

bool EventFilter::globMatches(const std::string &pattern, const std::string &text)
{
    return sqlite3_strglob(pattern.c_str(), text.c_str()) == 0;
}

bool EventFilter::matches(const Event &event) const
{
    return (!stream || globMatches(*stream, event.stream))
           && (!type || globMatches(*type, event.type))
           && (!source || (event.source && globMatches(*source, *event.source)));
}

} // namespace Chronoscope
