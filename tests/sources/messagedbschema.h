#pragma once

namespace Chronoscope::Test {

// The schema of Message DB's messages table (message-db.eventide-project.org), as its users
// have it: for the tests and the bench, which create it on their own throwaway server.
inline constexpr const char *kMessageDbSchema = R"sql(
CREATE SCHEMA message_store;
CREATE TABLE message_store.messages (
    global_position bigserial NOT NULL,
    position bigint NOT NULL,
    time TIMESTAMP WITHOUT TIME ZONE DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
    stream_name text NOT NULL,
    type text NOT NULL,
    data jsonb,
    metadata jsonb,
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    PRIMARY KEY (global_position)
);
CREATE UNIQUE INDEX messages_id ON message_store.messages (id);
CREATE UNIQUE INDEX messages_stream ON message_store.messages (stream_name, position);
)sql";

} // namespace Chronoscope::Test
