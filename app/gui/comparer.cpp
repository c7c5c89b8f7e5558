#include "comparer.h"

#include "background.h"
#include "base/error.h"
#include "base/outputfile.h"
#include "compareview.h"
#include "session/comparison.h"

#include <QLineEdit>

namespace Chronoscope {

Comparer::Comparer(QObject *parent, CompareView *view)
    : QObject(parent)
    , m_view(view)
{
    connect(view, &CompareView::compareRequested, this, &Comparer::run);
    connect(view, &CompareView::exportRequested, this, &Comparer::exportTo);
}

void Comparer::setLog(const QString &path)
{
    m_path = path;
    ++m_generation;
    m_view->setComparison(nullptr);
    m_view->setOtherLog({});
    m_view->setMessage(tr("Pick two revisions and Compare."));
}

void Comparer::suggest(const QString &followed, int64_t position)
{
    QLineEdit *a = m_view->revisionA();
    QLineEdit *b = m_view->revisionB();
    const bool untouched = (a->text() == m_suggestedA || a->text() == QLatin1String("main"))
                           && (b->text() == m_suggestedB || b->text().isEmpty());
    if (followed == QLatin1String("main") || !untouched)
        return;
    m_suggestedA = QStringLiteral("main@%1").arg(position);
    m_suggestedB = QStringLiteral("%1@%2").arg(followed).arg(position);
    a->setText(m_suggestedA);
    b->setText(m_suggestedB);
}

void Comparer::run(const QString &a, const QString &b, const QString &otherLog)
{
    if (m_path.isEmpty())
        return;
    const uint64_t generation = ++m_generation;
    const Comparison::Side left{m_path.toStdString(), a.toStdString(), m_reprocessing};
    // Another log's branches are not this window's: re-processed for this comparison.
    const Comparison::Side right{(otherLog.isEmpty() ? m_path : otherLog).toStdString(),
                                 b.toStdString(),
                                 otherLog.isEmpty() ? m_reprocessing : nullptr};
    struct Outcome
    {
        std::shared_ptr<const Comparison> comparison;
        QString error;
    };
    runInBackground(
            this,
            [left, right] {
                try {
                    return Outcome{std::make_shared<const Comparison>(Comparison::run(left, right)),
                                   {}};
                } catch (const Error &e) {
                    return Outcome{nullptr, QString::fromUtf8(e.what())};
                }
            },
            [this, generation](Outcome outcome) {
                if (generation != m_generation)
                    return;
                if (outcome.comparison)
                    m_view->setComparison(outcome.comparison);
                else
                    m_view->setMessage(outcome.error);
                emit finished();
            });
}

void Comparer::exportTo(const QString &path, bool json)
{
    const auto comparison = m_view->comparison();
    if (!comparison)
        return;
    const std::string text = json ? comparison->operations.dump(2) + "\n" : comparison->report();
    QString failure;
    try {
        OutputFile::write(path.toStdString(), text, {m_path.toStdString()});
    } catch (const Error &e) {
        failure = QString::fromStdString(e.what());
    }
    m_view->setMessage(failure.isEmpty() ? tr("Exported to %1").arg(path)
                                         : tr("Could not write %1: %2").arg(path, failure));
}

} // namespace Chronoscope
