#pragma once

#include <memory>

namespace Chronoscope {

class EventLog;

namespace Sql {
class Transaction;
}

/// A write transaction on a log (BEGIN IMMEDIATE … COMMIT), rolled back when destroyed without
/// commit() — including when an exception unwinds, so a failed write leaves the file as it was.
/// Begin it before an EventWriter, so that no other writer moves the log on meanwhile.
class WriteTransaction
{
public:
    explicit WriteTransaction(EventLog &log);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    void commit();

private:
    std::unique_ptr<Sql::Transaction> m_transaction;
};

} // namespace Chronoscope
