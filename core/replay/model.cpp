#include "replay/model.h"

#include "base/error.h"
#include "base/eventjson.h"
#include "base/jsontext.h"

#include <simdjson.h>

namespace Chronoscope {

std::string Model::upcastEvent(const Event &event)
{
    Event e = event;
    e.result.reset();
    std::string text;
    EventJson::append(text, e);
    return text;
}

namespace {

void appendValue(std::string &out, simdjson::dom::element value)
{
    out += simdjson::minify(value);
}

// JSON Merge Patch (RFC 7386) of two parsed texts, written as minified text: members the patch
// does not touch are copied, `null` removes a member, objects merge recursively, anything else
// replaces. `target` is null when there is nothing to merge into.
void mergePatch(std::string &out,
                const simdjson::dom::element *target,
                simdjson::dom::element patch)
{
    if (!patch.is_object()) {
        appendValue(out, patch);
        return;
    }
    const simdjson::dom::object patchFields = patch.get_object().value_unsafe();
    simdjson::dom::object targetFields;
    const bool hasTarget = target && target->is_object();
    if (hasTarget)
        targetFields = target->get_object().value_unsafe();
    out.push_back('{');
    bool first = true;
    auto key = [&out, &first](std::string_view name) {
        if (!first)
            out.push_back(',');
        first = false;
        JsonText::appendString(out, name);
        out.push_back(':');
    };
    if (hasTarget) {
        for (auto field : targetFields) {
            simdjson::dom::element change;
            if (patchFields.at_key(field.key).get(change) != simdjson::SUCCESS) {
                key(field.key);
                appendValue(out, field.value);
            } else if (!change.is_null()) {
                key(field.key);
                mergePatch(out, &field.value, change);
            }
        }
    }
    for (auto field : patchFields) {
        simdjson::dom::element existing;
        if (field.value.is_null()
            || (hasTarget && targetFields.at_key(field.key).get(existing) == simdjson::SUCCESS))
            continue;
        key(field.key);
        mergePatch(out, nullptr, field.value);
    }
    out.push_back('}');
}

} // namespace

struct GenericModel::Parser
{
    simdjson::dom::parser patch;
    simdjson::dom::parser state;
    std::string out;
};

GenericModel::GenericModel()
    : m_parser(std::make_unique<Parser>())
{}

GenericModel::~GenericModel() = default;

void GenericModel::apply(const Event &event, State &state, StepTrace *)
{
    if (event.data == "null")
        return;
    const uint32_t slot = state.streamSlot(event.stream);
    const JsonString currentText = state.streamText(slot);
    if (!currentText && JsonText::isMinifiedWithoutNull(event.data)) {
        // The stream's first event, mostly: merging it into nothing gives it back.
        state.setStream(slot, makeJsonString(event.data));
        return;
    }
    simdjson::dom::element patch;
    if (const auto error = m_parser->patch.parse(event.data).get(patch))
        throw Error::failed("event " + std::to_string(event.seq)
                            + ": data is not JSON: " + simdjson::error_message(error));
    simdjson::dom::element current;
    if (currentText && m_parser->state.parse(*currentText).get(current) != simdjson::SUCCESS)
        throw Error::failed("the state of " + event.stream + " is not JSON");
    std::string &out = m_parser->out;
    out.clear();
    mergePatch(out, currentText ? &current : nullptr, patch);
    state.setStream(slot, makeJsonString(out));
}

} // namespace Chronoscope
