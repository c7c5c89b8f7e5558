#include "log/writetransaction.h"

#include "log/sqlite.h"

namespace Chronoscope {

WriteTransaction::WriteTransaction(EventLog &log)
    : m_transaction(std::make_unique<Sql::Transaction>(Sql::databaseOf(log)))
{}

WriteTransaction::~WriteTransaction() = default;

void WriteTransaction::commit()
{
    m_transaction->commit();
}

} // namespace Chronoscope
