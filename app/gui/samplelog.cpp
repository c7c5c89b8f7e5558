#include "samplelog.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace Chronoscope::SampleLog {

QString path()
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString target = directory + QStringLiteral("/samples/shop.chronolog");
    if (QFile::exists(target))
        return target;
    if (!QDir().mkpath(directory + QStringLiteral("/samples")))
        return {};
    if (!QFile::copy(QStringLiteral(":/samples/shop.chronolog"), target))
        return {};
    QFile::setPermissions(
            target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return target;
}

} // namespace Chronoscope::SampleLog
