#include "modelloader.h"

#include "error.h"
#include "eventlog.h"
#include "jsmodel.h"
#include "modelstore.h"

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
    return ModelStore::load(log);
}

} // namespace Chronoscope::Cli
