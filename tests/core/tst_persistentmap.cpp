#include "persistentmap.h"

#include <QTest>

#include <map>
#include <random>

using namespace Chronoscope;

class TestPersistentMap : public QObject
{
    Q_OBJECT

private slots:
    void behavesLikeAMap()
    {
        PersistentMap<int> map;
        std::map<std::string, int> reference;
        std::mt19937 random(42);
        for (int i = 0; i < 20000; ++i) {
            const std::string key = "stream-" + std::to_string(random() % 5000);
            map.set(key, i);
            reference[key] = i;
        }
        QCOMPARE(map.size(), reference.size());
        for (const auto &[key, value] : reference) {
            const int *found = map.find(key);
            QVERIFY(found);
            QCOMPARE(*found, value);
        }
        QVERIFY(!map.find("stream-5000"));
        size_t visited = 0;
        map.forEach([&](const std::string &key, const int &value) {
            QCOMPARE(reference.at(key), value);
            ++visited;
        });
        QCOMPARE(visited, reference.size());
    }

    void copiesKeepTheirValues()
    {
        PersistentMap<int> a;
        for (int i = 0; i < 3000; ++i)
            a.set("k" + std::to_string(i), i);
        PersistentMap<int> b = a; // a snapshot
        for (int i = 0; i < 3000; i += 3)
            a.set("k" + std::to_string(i), -i);
        a.set("new", 1);
        for (int i = 0; i < 3000; ++i) {
            QCOMPARE(*b.find("k" + std::to_string(i)), i);
            QCOMPARE(*a.find("k" + std::to_string(i)), i % 3 == 0 ? -i : i);
        }
        QVERIFY(!b.find("new"));
        QCOMPARE(b.size(), size_t(3000));
        QCOMPARE(a.size(), size_t(3001));
        PersistentMap<int> c = b;
        c.set("k1", 100);
        QCOMPARE(*b.find("k1"), 1);
        QCOMPARE(*c.find("k1"), 100);
    }
};

QTEST_GUILESS_MAIN(TestPersistentMap)
#include "tst_persistentmap.moc"
