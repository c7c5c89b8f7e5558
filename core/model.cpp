#include "model.h"

#include "error.h"

namespace Chronoscope {

void GenericModel::apply(const Event &event, State &state, StepTrace *)
{
    if (event.data == "null")
        return;
    nlohmann::json patch;
    try {
        patch = nlohmann::json::parse(event.data);
    } catch (const nlohmann::json::exception &e) {
        throw Error::failed("event " + std::to_string(event.seq)
                            + ": data is not JSON: " + e.what());
    }
    const nlohmann::json *current = state.stream(event.stream);
    auto next = std::make_shared<nlohmann::json>(current ? *current : nlohmann::json::object());
    next->merge_patch(patch);
    state.setStream(event.stream, std::move(next));
}

} // namespace Chronoscope
