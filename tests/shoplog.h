#pragma once

#include "log/eventlog.h"
#include "log/modelstore.h"
#include "replay/jsmodel.h"

#include <QFile>
#include <QTemporaryDir>

#include <memory>

namespace Chronoscope::Test {

/// A writable copy of the bundled shop sample (500 events, seed 1) in `dir`.
inline std::string copyOfBundledShop(const QTemporaryDir &dir)
{
    const QString target = dir.filePath(QStringLiteral("shop.chronolog"));
    QFile::remove(target);
    if (!QFile::copy(QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/samples/shop.chronolog"),
                     target))
        qFatal("cannot copy the bundled sample");
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target.toStdString();
}

/// The model stored in the log (the shop model for the sample).
inline std::unique_ptr<JsModel> storedModel(EventLog &log)
{
    const auto stored = ModelStore::current(log);
    if (!stored)
        qFatal("the log has no model");
    return std::make_unique<JsModel>(stored->source, stored->name);
}

} // namespace Chronoscope::Test
