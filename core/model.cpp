#include "model.h"

#include "error.h"

#include <simdjson.h>

namespace Chronoscope {

namespace {

nlohmann::json toJson(simdjson::dom::element value)
{
    using simdjson::dom::element_type;
    switch (value.type()) {
    case element_type::OBJECT: {
        nlohmann::json object = nlohmann::json::object();
        const simdjson::dom::object fields = value.get_object().value_unsafe();
        for (auto field : fields)
            object.emplace(std::string(field.key), toJson(field.value));
        return object;
    }
    case element_type::ARRAY: {
        nlohmann::json array = nlohmann::json::array();
        const simdjson::dom::array items = value.get_array().value_unsafe();
        for (auto item : items)
            array.push_back(toJson(item));
        return array;
    }
    case element_type::INT64:
        return value.get_int64().value_unsafe();
    case element_type::UINT64:
        return value.get_uint64().value_unsafe();
    case element_type::DOUBLE:
        return value.get_double().value_unsafe();
    case element_type::STRING:
        return std::string(value.get_string().value_unsafe());
    case element_type::BOOL:
        return value.get_bool().value_unsafe();
    case element_type::NULL_VALUE:
        break;
    }
    return nullptr;
}

// JSON Merge Patch (RFC 7386) straight from the parsed patch into the target, without building
// the patch as a JSON value first.
void mergePatch(nlohmann::json &target, simdjson::dom::element patch)
{
    if (!patch.is_object()) {
        target = toJson(patch);
        return;
    }
    if (!target.is_object())
        target = nlohmann::json::object();
    const simdjson::dom::object fields = patch.get_object().value_unsafe();
    for (auto field : fields) {
        if (field.value.is_null())
            target.erase(std::string(field.key));
        else
            mergePatch(target[std::string(field.key)], field.value);
    }
}

} // namespace

struct GenericModel::Parser
{
    simdjson::dom::parser parser;
};

GenericModel::GenericModel()
    : m_parser(std::make_unique<Parser>())
{}

GenericModel::~GenericModel() = default;

void GenericModel::apply(const Event &event, State &state, StepTrace *)
{
    if (event.data == "null")
        return;
    simdjson::dom::element patch;
    if (const auto error = m_parser->parser.parse(event.data).get(patch))
        throw Error::failed("event " + std::to_string(event.seq)
                            + ": data is not JSON: " + simdjson::error_message(error));
    const nlohmann::json *current = state.stream(event.stream);
    auto next = std::make_shared<nlohmann::json>(current ? *current : nlohmann::json::object());
    mergePatch(*next, patch);
    state.setStream(event.stream, std::move(next));
}

} // namespace Chronoscope
