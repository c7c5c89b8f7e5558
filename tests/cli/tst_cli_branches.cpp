#include "clirunner.h"

#include <QFile>
#include <QFileInfo>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Chronoscope::Test;
using namespace Qt::Literals::StringLiterals;

/// Parallel histories end to end on a copy of the bundled shop history: payment-104 was
/// charged ×100 at event 350 and refunded at 358.
class TestCliBranches : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_log;

private slots:
    void init() { m_log = copyOfBundledShop(m_dir); }

    void forkSkipCompareUndo()
    {
        Result r = cli({u"branch"_s, m_log, u"create"_s, u"fix"_s, u"--at"_s, u"main@349"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("branch fix forks main at 349"));
        r = cli({u"branch"_s, m_log, u"skip"_s, u"fix"_s, u"350"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray branches = jsonOf({u"branch"_s, m_log, u"list"_s}).array();
        QCOMPARE(branches.size(), 2);
        const QJsonObject fix = branches[1].toObject();
        QCOMPARE(fix[u"parent"_s].toString(), QStringLiteral("main"));
        QCOMPARE(fix[u"fork_position"_s].toInt(), 349);
        QCOMPARE(fix[u"events"_s].toInt(), 499);
        QCOMPARE(fix[u"edits"_s].toArray().size(), 1);

        // The branch's own positions: its 350 is main's 351.
        r = cli({u"events"_s, m_log, u"--rev"_s, u"fix@351"_s, u"--from"_s, u"350"_s});
        QCOMPARE(r.out.count(QLatin1Char('\n')), 2);
        QVERIFY(r.out.contains(QStringLiteral("order-104@2")));

        // The state difference just before the refund: the charge that never happened.
        const QJsonArray ops = jsonOf({u"diff"_s, m_log, u"main@357"_s, u"fix@356"_s}).array();
        QStringList paths;
        for (const QJsonValue &op : ops)
            paths.append(op.toObject()[u"path"_s].toString());
        QCOMPARE(paths,
                 (QStringList{u"/streams/payment-104"_s, u"/projections/revenue/2018-02-07"_s}));
        const QJsonObject events
                = jsonOf({u"diff"_s, m_log, u"main"_s, u"fix"_s, u"--events"_s}).object();
        QCOMPARE(events[u"first_divergence"_s].toInt(), 350);
        QCOMPARE(events[u"only_in_a"_s].toArray().size(), 1);
        QCOMPARE(events[u"only_in_a"_s].toArray()[0].toObject()[u"type"_s].toString(),
                 QStringLiteral("PaymentCharged"));

        // Undo leaves the branch as main's history again.
        QCOMPARE(cli({u"branch"_s, m_log, u"undo"_s, u"fix"_s}).exitCode, 0);
        QVERIFY(jsonOf({u"diff"_s, m_log, u"main"_s, u"fix"_s, u"--events"_s})
                        .object()[u"first_divergence"_s]
                        .isNull());
        QCOMPARE(cli({u"branch"_s, m_log, u"undo"_s, u"fix"_s}).exitCode, 1);
        QCOMPARE(cli({u"branch"_s, m_log, u"delete"_s, u"fix"_s}).exitCode, 0);
        QCOMPARE(jsonOf({u"branch"_s, m_log, u"list"_s}).array().size(), 1);
        // The recorded events never changed.
        QCOMPARE(cli({u"info"_s, m_log}).out.contains(QStringLiteral("events    500")), true);
    }

    void replaceWithTheCorrectChargeAndReplayTheBranch()
    {
        QCOMPARE(cli({u"branch"_s, m_log, u"create"_s, u"fixed"_s, u"--at"_s, u"main@349"_s})
                         .exitCode,
                 0);
        const Result r = cli(
                {u"branch"_s,
                 m_log,
                 u"replace"_s,
                 u"fixed"_s,
                 u"350"_s,
                 u"--event"_s,
                 uR"({"data":{"order":"order-104","customer":"customer-25","total":340.34,"charged":340.34}})"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(cli({u"state"_s,
                      m_log,
                      u"--rev"_s,
                      u"fixed@357"_s,
                      u"--path"_s,
                      u"/streams/payment-104/overcharged"_s})
                         .out.trimmed(),
                 QStringLiteral("0"));
        QCOMPARE(cli({u"state"_s,
                      m_log,
                      u"--rev"_s,
                      u"fixed"_s,
                      u"--path"_s,
                      u"/streams/payment-104/overcharged"_s})
                         .out.trimmed(),
                 QStringLiteral("-33693.66"));
        const QJsonObject blame = jsonOf({u"blame"_s,
                                          m_log,
                                          u"--rev"_s,
                                          u"fixed"_s,
                                          u"--path"_s,
                                          u"/streams/payment-104/overcharged"_s})
                                          .object();
        QCOMPARE(blame[u"seq"_s].toInt(), 358);
        // Bad input: refused, nothing saved.
        QCOMPARE(cli({u"branch"_s,
                      m_log,
                      u"replace"_s,
                      u"fixed"_s,
                      u"351"_s,
                      u"--event"_s,
                      u"not json"_s})
                         .exitCode,
                 2);
        QCOMPARE(cli({u"branch"_s, m_log, u"skip"_s, u"fixed"_s, u"12"_s}).exitCode,
                 2); // before the fork
        QCOMPARE(cli({u"branch"_s, m_log, u"skip"_s, u"nowhere"_s, u"400"_s}).exitCode, 1);
        QCOMPARE(jsonOf({u"branch"_s, m_log, u"list"_s})
                         .array()[1]
                         .toObject()[u"edits"_s]
                         .toArray()
                         .size(),
                 1);
    }

    void mergeBackWithoutDeletingAnything()
    {
        QCOMPARE(
                cli({u"branch"_s, m_log, u"create"_s, u"fix"_s, u"--at"_s, u"main@349"_s}).exitCode,
                0);
        QCOMPARE(cli({u"branch"_s, m_log, u"skip"_s, u"fix"_s, u"350"_s}).exitCode, 0);
        const QString branchState = cli({u"state"_s, m_log, u"--rev"_s, u"fix"_s}).out;
        const QJsonObject plan = jsonOf({u"merge"_s, m_log, u"fix"_s, u"--dry-run"_s}).object();
        QCOMPARE(plan[u"merged"_s].toBool(), false);
        QCOMPARE(plan[u"corrections"_s].toArray().size(), 1);
        QCOMPARE(plan[u"events"_s].toInt(), 500);
        const QJsonObject merged
                = jsonOf({u"merge"_s, m_log, u"fix"_s, u"--reason"_s, u"over-charge"_s}).object();
        QCOMPARE(merged[u"merged"_s].toBool(), true);
        QCOMPARE(merged[u"events"_s].toInt(), 500); // a skip appends nothing
        QCOMPARE(cli({u"state"_s, m_log}).out, branchState);
        const Result exported = cli({u"export"_s, m_log});
        QCOMPARE(exported.out.count(QLatin1Char('\n')), 500);
        QCOMPARE(exported.out.count(
                         u"\"reversed\":{\"branch\":\"fix\",\"reason\":\"over-charge\""_s),
                 1);
        const Result listed
                = cli({u"events"_s, m_log, u"--from"_s, u"350"_s, u"--limit"_s, u"1"_s});
        QVERIFY2(listed.out.contains(u"(reversed by branch fix: over-charge)"_s),
                 qPrintable(listed.out));
        const Result again = cli({u"merge"_s, m_log, u"fix"_s});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(u"merged already"_s));
    }

    void reprocessWithTheFixedModel()
    {
        const QString fixedModel
                = QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/models/shop-fixed.js");
        QCOMPARE(cli({u"branch"_s,
                      m_log,
                      u"create"_s,
                      u"fixed"_s,
                      u"--at"_s,
                      u"main@349"_s,
                      u"--model"_s,
                      fixedModel})
                         .exitCode,
                 0);
        const Result list = cli({u"branch"_s, m_log, u"list"_s});
        QVERIFY2(list.out.contains(u"re-processed: 1 events changed"_s), qPrintable(list.out));
        const Result diff = cli({u"diff"_s, m_log, u"main"_s, u"fixed"_s, u"--events"_s});
        QCOMPARE(diff.exitCode, 0);
        QVERIFY2(diff.out.contains(u"first divergence at position 350"_s), qPrintable(diff.out));
        const Result states = cli({u"diff"_s, m_log, u"main@357"_s, u"fixed@357"_s});
        QVERIFY2(states.out.contains(u"/streams/payment-104/charged: 34034 -> 340.34"_s),
                 qPrintable(states.out));
        const QString branchState = cli({u"state"_s, m_log, u"--rev"_s, u"fixed"_s}).out;
        const QJsonObject lagBefore = jsonOf({u"info"_s, m_log}).object()[u"lag"_s].toObject();
        QCOMPARE(cli({u"merge"_s, m_log, u"fixed"_s}).exitCode, 0);
        QCOMPARE(cli({u"state"_s, m_log}).out, branchState);
        QVERIFY(cli({u"info"_s, m_log}).out.contains(u"events    501"_s));
        // The correction was appended by the merge, not processed by a service: no
        // processed_at, the merge's time kept beside the correction, the lag figures as before.
        const QJsonObject correction = QJsonDocument::fromJson(
                cli({u"events"_s, m_log, u"--from"_s, u"501"_s, u"--json"_s}).out.toUtf8()).object();
        QVERIFY(correction[u"processed_at"_s].isNull());
        const QJsonObject why = correction[u"metadata"_s].toObject()[u"correction"_s].toObject();
        QCOMPARE(why[u"branch"_s].toString(), u"fixed"_s);
        QVERIFY(why[u"merged_at"_s].toString().startsWith(QString::number(QDate::currentDate().year())));
        // Reverting over a merge's correction is refused: it corrects an earlier event.
        const Result revertOver = cli({u"revert"_s, m_log, u"--to"_s, u"main@400"_s});
        QCOMPARE(revertOver.exitCode, 1);
        QVERIFY2(revertOver.err.contains(u"event 501 is a merge's correction of an earlier event"_s),
                 qPrintable(revertOver.err));
        // A time revision after the merge is main as corrected at that time, not the head.
        const QString atTime = u"main@2018-02-16T02:40:19.992Z"_s;
        const QString fixedAtTime = cli({u"state"_s, m_log, u"--rev"_s, u"fixed@2018-02-16T02:40:19.992Z"_s}).out;
        QCOMPARE(cli({u"state"_s, m_log, u"--rev"_s, atTime}).out, fixedAtTime);
        QVERIFY(cli({u"state"_s, m_log, u"--rev"_s, atTime}).out != cli({u"state"_s, m_log}).out);
        QCOMPARE(cli({u"export"_s, m_log, u"--rev"_s, atTime}).out.count(QLatin1Char('\n')), 419);
        const QJsonObject lagAfter = jsonOf({u"info"_s, m_log}).object()[u"lag"_s].toObject();
        QCOMPARE(lagAfter[u"mean_ms"_s].toDouble(), lagBefore[u"mean_ms"_s].toDouble());
        QCOMPARE(lagAfter[u"max_ms"_s].toDouble(), lagBefore[u"max_ms"_s].toDouble());
    }

    void revertGoesBackWithoutDeletingAnything()
    {
        const QString at349 = cli({u"state"_s, m_log, u"--rev"_s, u"main@349"_s}).out;
        const QByteArray before = QCryptographicHash::hash(cli({u"export"_s, m_log}).out.toUtf8(), QCryptographicHash::Sha256);
        const QJsonObject plan = jsonOf({u"revert"_s, m_log, u"--to"_s, u"main@349"_s, u"--dry-run"_s}).object();
        QCOMPARE(plan[u"reversed"_s].toInt(), 151);
        QCOMPARE(plan[u"first"_s].toInt(), 350);
        QCOMPARE(plan[u"dry_run"_s].toBool(), true);
        QCOMPARE(QCryptographicHash::hash(cli({u"export"_s, m_log}).out.toUtf8(), QCryptographicHash::Sha256), before);

        const Result done = cli({u"revert"_s, m_log, u"--to"_s, u"main@349"_s, u"--reason"_s, u"back before the over-charge"_s});
        QCOMPARE(done.exitCode, 0);
        QCOMPARE(done.out, u"reversed events 350..500 (151 events) as branch revert-to-349; main is at event 349 again, nothing deleted\n"_s);
        QCOMPARE(cli({u"state"_s, m_log}).out, at349);
        // Nothing deleted: every recorded event is exported, the reversed ones marked.
        const Result exported = cli({u"export"_s, m_log});
        QCOMPARE(exported.out.count(QLatin1Char('\n')), 500);
        QCOMPARE(exported.out.count(u"\"reversed\":{\"branch\":\"revert-to-349\",\"reason\":\"back before the over-charge\""_s), 151);
        QVERIFY2(cli({u"verify"_s, m_log}).exitCode == 0, "a revert leaves a log verify accepts");
        // Reverting over what is reversed already is refused, writing nothing.
        const Result again = cli({u"revert"_s, m_log, u"--to"_s, u"main@300"_s});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"event 350 was reversed already"_s), qPrintable(again.err));
        QCOMPARE(cli({u"revert"_s, m_log, u"--to"_s, u"main"_s}).exitCode, 1); // nothing after the head
        QCOMPARE(cli({u"revert"_s, m_log}).exitCode, 2);
        QCOMPARE(cli({u"revert"_s, m_log, u"--to"_s, u"revert-to-349@10"_s}).exitCode, 2);
    }

    void theEventChainGraphRendersWithGraphviz()
    {
        const Result dot = cli({u"graph"_s, m_log});
        QCOMPARE(dot.exitCode, 0);
        QVERIFY(dot.out.contains(u"\"service:order\" -> \"type:OrderPlaced\" [label=\"150\"]"_s));
        QVERIFY(dot.out.contains(
                u"\"type:OrderPlaced\" -> \"service:payment\" [label=\"150\", arrowhead=empty]"_s));
        const QString graphviz = QStandardPaths::findExecutable(u"dot"_s);
        QVERIFY2(!graphviz.isEmpty(), "Graphviz's dot is not installed (tools/install-deps.sh)");
        const QString png = m_dir.filePath(u"chain.png"_s);
        QProcess render;
        render.start(graphviz, {u"-Tpng"_s, u"-o"_s, png});
        render.write(dot.out.toUtf8());
        render.closeWriteChannel();
        QVERIFY(render.waitForFinished());
        QCOMPARE(render.exitCode(), 0);
        QVERIFY(QFileInfo(png).size() > 1000);

        const Result json = cli({u"graph"_s, m_log, u"--format"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject graph = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(graph[u"nodes"_s].toArray().size(), 9); // 3 services, 6 types
        QCOMPARE(cli({u"graph"_s, m_log, u"--format"_s, u"svg"_s}).exitCode, 2);
    }

    void twoLogsOfTheSameHistoryWithOneEventEdited()
    {
        // Production and test: the same export imported twice, one line edited in the second.
        const QString exported = m_dir.filePath(QStringLiteral("shop.jsonl"));
        QCOMPARE(cli({u"export"_s, m_log, u"-o"_s, exported}).exitCode, 0);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        QVERIFY(lines[199].contains("\"seq\":200"));
        lines[199].replace("\"data\":{", "\"data\":{\"edited\":true,");
        const QString edited = m_dir.filePath(QStringLiteral("edited.jsonl"));
        QFile out(edited);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(lines.join('\n'));
        out.close();
        const QString production = m_dir.filePath(QStringLiteral("production.chronolog"));
        const QString test = m_dir.filePath(QStringLiteral("test.chronolog"));
        QFile::remove(production);
        QFile::remove(test);
        QCOMPARE(cli({u"import"_s, production, exported}).exitCode, 0);
        QCOMPARE(cli({u"import"_s, test, edited}).exitCode, 0);
        const QJsonObject events = jsonOf({u"diff"_s,
                                           production,
                                           u"main"_s,
                                           u"main"_s,
                                           u"--events"_s,
                                           u"--other-log"_s,
                                           test})
                                           .object();
        QCOMPARE(events[u"first_divergence"_s].toInt(), 200);
        QCOMPARE(events[u"changed"_s].toArray().size(), 1);
        QCOMPARE(events[u"changed"_s].toArray()[0].toObject()[u"a"_s].toInt(), 200);
        QVERIFY(events[u"only_in_a"_s].toArray().isEmpty());
        // A branch exported is a history of its own.
        QCOMPARE(cli({u"branch"_s,
                      m_log,
                      u"create"_s,
                      u"short"_s,
                      u"--at"_s,
                      u"main@100"_s,
                      u"--truncate"_s})
                         .exitCode,
                 0);
        const Result shortExport = cli({u"export"_s, m_log, u"--rev"_s, u"short"_s});
        QCOMPARE(shortExport.out.count(QLatin1Char('\n')), 100);
        // Refused merges: the request was fine, the operation failed (exit 1, not 2).
        const Result truncatedMerge = cli({u"merge"_s, m_log, u"short"_s});
        QCOMPARE(truncatedMerge.exitCode, 1);
        QVERIFY2(truncatedMerge.err.contains(u"is truncated"_s), qPrintable(truncatedMerge.err));
        QCOMPARE(cli({u"branch"_s, m_log, u"create"_s, u"nested"_s, u"--at"_s, u"short@50"_s}).exitCode, 0);
        const Result nestedMerge = cli({u"merge"_s, m_log, u"nested"_s});
        QCOMPARE(nestedMerge.exitCode, 1);
        QVERIFY2(nestedMerge.err.contains(u"not main: merge \"short\" first"_s), qPrintable(nestedMerge.err));
    }
};

QTEST_GUILESS_MAIN(TestCliBranches)
#include "tst_cli_branches.moc"
