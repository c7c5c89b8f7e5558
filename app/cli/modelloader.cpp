#include "modelloader.h"

#include "error.h"

namespace Chronoscope::Cli {

std::unique_ptr<Model> loadModel(EventLog &, const std::optional<std::string> &file)
{
    if (file)
        throw Error::input("--model: JavaScript models are not supported yet");
    return std::make_unique<GenericModel>();
}

} // namespace Chronoscope::Cli
