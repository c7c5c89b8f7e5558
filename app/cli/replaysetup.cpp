#include "replaysetup.h"

#include "base/error.h"
#include "commandline.h"
#include "modelloader.h"
#include "replay/jsmodel.h"

namespace Chronoscope::Cli {

void addReplayOptions(CommandLine &cl)
{
    cl.addOption({QStringLiteral("model")},
                 QStringLiteral("Replay with this JavaScript model instead of the log's."),
                 QStringLiteral("FILE.js"));
    cl.addOption({QStringLiteral("ignore")},
                 QStringLiteral("Replay as if these events had not happened."),
                 QStringLiteral("SEQ,..."));
}

ReplaySetup replayFor(EventLog &log, const CommandLine &cl, const std::string &revision)
{
    ReplaySetup::Options options;
    if (const auto file = cl.optionalValue(QStringLiteral("model")))
        options.model = loadModel(log, file);
    if (cl.isSet(QStringLiteral("ignore")))
        options.ignored = parseSeqList("--ignore", cl.value(QStringLiteral("ignore")));
    return ReplaySetup(log, revision, std::move(options));
}

std::set<int64_t> parseSeqList(const std::string &option, const QString &text)
{
    std::set<int64_t> seqs;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong seq = part.trimmed().toLongLong(&ok);
        if (!ok || seq < 1)
            throw Error::input(option + " takes event numbers separated by commas, not \""
                               + toStd(part) + "\"");
        seqs.insert(seq);
    }
    return seqs;
}

} // namespace Chronoscope::Cli
