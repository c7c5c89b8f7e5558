#include "base/eventfilter.h"

#include "base/event.h"

#include <fnmatch.h>

namespace Chronoscope {

bool EventFilter::globMatches(const std::string &pattern, const std::string &text)
{
    // SQL's GLOB, which the log's queries use: no escapes, and `*` crosses `/` and leading dots.
    return fnmatch(pattern.c_str(), text.c_str(), FNM_NOESCAPE) == 0;
}

std::string EventFilter::exactGlob(const std::string &text)
{
    std::string glob;
    for (const char c : text) {
        if (c == '*' || c == '?' || c == '[') {
            glob += '[';
            glob += c;
            glob += ']';
        } else {
            glob += c;
        }
    }
    return glob;
}

bool EventFilter::matches(const Event &event) const
{
    return (!stream || globMatches(*stream, event.stream))
           && (!type || globMatches(*type, event.type))
           && (!source || (event.source && globMatches(*source, *event.source)));
}

} // namespace Chronoscope
