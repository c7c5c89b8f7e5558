#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "debug/readside.h"
#include "log/eventlog.h"
#include "output.h"
#include "replaysetup.h"

#include <cstdio>

namespace Chronoscope::Cli {

int runProjections(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("projections"),
                   QStringLiteral("LOG [--rev REV]"),
                   QStringLiteral("The read side at a revision, as the window's Projections panel "
                                  "shows it: for each of the model's projections its checkpoint "
                                  "(the last event up to the revision it has a function for), the "
                                  "events already recorded by then but not yet processed "
                                  "(judged by processed_at), and how long after that moment the "
                                  "read side had caught up."));
    cl.addOption({QStringLiteral("rev")},
                 QStringLiteral("The revision (default: main)."),
                 QStringLiteral("REV"),
                 QStringLiteral("main"));
    addReplayOptions(cl);
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(1);
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    const std::string revision = toStd(cl.value(QStringLiteral("rev")));
    ReplaySetup setup = replayFor(log, cl, revision);
    auto types = setup.model->projectionTypes();
    if (types.empty())
        throw Error::failed("the model " + setup.model->name() + " has no projections");
    ReadSide readSide(log, std::move(types));
    const std::vector<ReadSide::Status> statuses = readSide.at(*setup.history, setup.position);

    if (cl.json()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const ReadSide::Status &s : statuses)
            list.push_back({{"projection", s.projection},
                            {"checkpoint", s.checkpoint},
                            {"pending", s.pending},
                            {"catch_up_ms", static_cast<double>(s.catchUp) / 1000}});
        printJson({{"revision", revision},
                   {"position", setup.position},
                   {"model", setup.model->name()},
                   {"projections", list}});
        return 0;
    }
    size_t width = 10;
    for (const ReadSide::Status &s : statuses)
        width = std::max(width, s.projection.size());
    std::string text = "read side at " + revision + " (event " + std::to_string(setup.position)
                       + ", model " + setup.model->name() + ")\n";
    for (const ReadSide::Status &s : statuses) {
        char line[160];
        std::snprintf(line,
                      sizeof line,
                      "  %-*s  checkpoint %lld",
                      static_cast<int>(width),
                      s.projection.c_str(),
                      static_cast<long long>(s.checkpoint));
        text += line;
        if (s.checkpoint == 0)
            text += " (no event yet)";
        if (s.pending > 0) {
            std::snprintf(line,
                          sizeof line,
                          "  %lld pending, caught up %.3f s later",
                          static_cast<long long>(s.pending),
                          static_cast<double>(s.catchUp) / 1e6);
            text += line;
        } else {
            text += "  up to date";
        }
        text += "\n";
    }
    printOut(text);
    return 0;
}

} // namespace Chronoscope::Cli
