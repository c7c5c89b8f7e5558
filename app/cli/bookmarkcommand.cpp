#include "base/error.h"
#include "commandline.h"
#include "commands.h"
#include "log/bookmarkstore.h"
#include "log/eventlog.h"
#include "output.h"

namespace Chronoscope::Cli {

int runBookmark(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("bookmark"),
                   QStringLiteral("LOG add SEQ NAME | list | delete SEQ"),
                   QStringLiteral("Names positions of the history, saved in the log."));
    if (!cl.parse(arguments))
        return 0;
    const QStringList args = cl.positional(2, 4);
    EventLog log(toStd(args[0]), EventLog::OpenMode::Existing);
    BookmarkStore store(log);
    const QString action = args[1];
    auto seqAt = [&args, &action](int index) {
        bool ok = false;
        const qlonglong seq = args.size() > index ? args[index].toLongLong(&ok) : 0;
        if (!ok)
            throw Error::input("usage: chronoscope-cli bookmark LOG " + toStd(action)
                               + (action == QLatin1String("add") ? " SEQ NAME" : " SEQ"));
        return static_cast<int64_t>(seq);
    };
    if (action == QLatin1String("add")) {
        if (args.size() != 4)
            throw Error::input("usage: chronoscope-cli bookmark LOG add SEQ NAME");
        store.set(seqAt(2), toStd(args[3]));
        return 0;
    }
    if (action == QLatin1String("delete")) {
        store.remove(seqAt(2));
        return 0;
    }
    if (action == QLatin1String("list") && args.size() == 2) {
        const auto list = store.list();
        if (cl.json()) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            for (const auto &b : list)
                out.push_back({{"seq", b.seq}, {"name", b.name}});
            printJson(out);
        } else {
            std::string text;
            for (const auto &b : list)
                text += std::to_string(b.seq) + "  " + b.name + "\n";
            printOut(text.empty() ? std::string("no bookmarks") : text);
        }
        return 0;
    }
    throw Error::input("unknown action \"" + toStd(action) + "\" (add, list, delete)");
}

} // namespace Chronoscope::Cli
