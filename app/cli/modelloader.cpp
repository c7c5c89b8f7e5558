#include "modelloader.h"

#include "base/error.h"
#include "log/eventlog.h"
#include "log/modelstore.h"
#include "replay/jsmodel.h"
#include "replay/logmodel.h"

#include <fstream>
#include <sstream>

namespace Chronoscope::Cli {

std::string readModelSource(const std::string &file)
{
    std::ifstream in(file);
    if (!in)
        throw Error::input(file + ": cannot read the model");
    std::stringstream source;
    source << in.rdbuf();
    return source.str();
}

std::unique_ptr<Model> loadModel(EventLog &log, const std::optional<std::string> &file)
{
    if (file) {
        return std::make_unique<JsModel>(readModelSource(*file), *file);
    }
    return LogModel::load(log);
}

} // namespace Chronoscope::Cli
