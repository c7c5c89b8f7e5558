#include "base/contenthash.h"

#include <QByteArray>
#include <QCryptographicHash>

namespace Chronoscope {

std::string contentHash(const std::string &text)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256)
            .toHex()
            .toStdString();
}

} // namespace Chronoscope
